-- Moderato schema, part 11: each key's rate-limit budget as one token bucket shared by every replica. A replica
-- locks the row, refills it for the time passed, takes a small lease of tokens and serves requests from the lease,
-- so the cluster as a whole admits what one bucket allows.
CREATE TABLE rate_limit_bucket (
    key_prefix VARCHAR(16)      NOT NULL PRIMARY KEY,
    tokens     DOUBLE PRECISION NOT NULL,
    updated_at BIGINT           NOT NULL
);
