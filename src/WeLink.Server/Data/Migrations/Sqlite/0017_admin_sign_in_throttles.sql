-- Failed admin sign-ins, counted per account (the email typed, known or not, so an unknown email behaves like a known
-- one) and source (the client address as the app sees it behind its trusted proxies). Each attempt is counted in one
-- statement before its password is checked; a source past the limit waits a delay that doubles with each further
-- failure, so a guesser from one source cannot keep the owner out from another. previous_failure_at is the failure
-- before the last, which the counting statement hands back so the delay needs no second read.
CREATE TABLE admin_sign_in_throttles (
    email TEXT NOT NULL,
    source TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    previous_failure_at TEXT NULL,
    PRIMARY KEY (email, source)
);
CREATE INDEX ix_admin_sign_in_throttles_last_failure_at ON admin_sign_in_throttles (last_failure_at);

-- The per-account lock they replace, which anyone could trip to keep an admin out.
ALTER TABLE admin_users DROP COLUMN failed_logins;
ALTER TABLE admin_users DROP COLUMN locked_until;
