-- Every admin, staff and consumer session, so that one can be ended on the server: the cookie carries only its id
-- (beside the claims), and a session whose row is revoked or gone is refused even when a copy of the cookie is replayed.
-- kind: admin, staff or consumer; subject_id: the admin user, staff member or consumer.
CREATE TABLE sessions (
    id UUID NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    subject_id UUID NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ NULL
);
CREATE INDEX ix_sessions_subject ON sessions (kind, subject_id);
