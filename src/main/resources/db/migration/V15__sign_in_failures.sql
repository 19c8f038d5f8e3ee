-- Moderato schema, part 15: failed dashboard sign-ins per client address, shared by every replica, so that the
-- sign-in throttle (slow down, then lock out) holds however a load balancer spreads the attempts. A row goes when
-- the address signs in or its failures are over (window passed, no lockout in force).
CREATE TABLE sign_in_failure (
    address      VARCHAR(100)             NOT NULL PRIMARY KEY,
    failures     INTEGER                  NOT NULL,
    first_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_sign_in_failure_last ON sign_in_failure (last_at);
