-- Moderato schema, part 10: dashboard sessions in the database, so that every replica knows every session (sign in
-- on one, keep working on another) and a sign-out ends the session everywhere at once. The cookie's value is not
-- stored, only its SHA-256; nor is the key the session was opened with, only its prefix (NULL for the bootstrap
-- key) and digest, checked against the key again on every request.
CREATE TABLE dashboard_session (
    id_hash    VARCHAR(64)              NOT NULL PRIMARY KEY,
    csrf_token VARCHAR(64)              NOT NULL,
    key_prefix VARCHAR(16),
    key_digest VARCHAR(64)              NOT NULL,
    actor      VARCHAR(200)             NOT NULL,
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_dashboard_session_expires ON dashboard_session (expires_at);
