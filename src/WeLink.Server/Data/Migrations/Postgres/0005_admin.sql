-- Admin portal users: a platform admin (no brand), an HQ admin (one brand) or a dealer admin (one dealer).
-- password_hash is ASP.NET Core's PasswordHasher format; failed_logins and locked_until drive the lockout.
CREATE TABLE admin_users (
    id UUID NOT NULL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    brand_id UUID NULL REFERENCES brands (id),
    dealer_id UUID NULL REFERENCES dealers (id),
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL,
    locked_until TIMESTAMPTZ NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_admin_users_brand_id ON admin_users (brand_id);

-- Every admin action, allowed or refused: who (actor), what (action), on what (target), when, and how it ended.
-- brand_id / dealer_id place the row in a tenant so HQ admins can list their brand's rows.
CREATE TABLE audit_log (
    id UUID NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor_id UUID NULL,
    actor_email TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    brand_id UUID NULL,
    dealer_id UUID NULL,
    outcome TEXT NOT NULL,
    detail TEXT NULL
);
CREATE INDEX ix_audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX ix_audit_log_brand_id ON audit_log (brand_id, occurred_at);
