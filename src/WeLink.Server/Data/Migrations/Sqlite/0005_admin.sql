-- Admin portal users: a platform admin (no brand), an HQ admin (one brand) or a dealer admin (one dealer).
-- password_hash is ASP.NET Core's PasswordHasher format; failed_logins and locked_until drive the lockout.
CREATE TABLE admin_users (
    id TEXT NOT NULL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    brand_id TEXT NULL REFERENCES brands (id),
    dealer_id TEXT NULL REFERENCES dealers (id),
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL,
    locked_until TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_admin_users_brand_id ON admin_users (brand_id);

-- Every admin action, allowed or refused: who (actor), what (action), on what (target), when, and how it ended.
-- brand_id / dealer_id place the row in a tenant so HQ admins can list their brand's rows.
CREATE TABLE audit_log (
    id TEXT NOT NULL PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor_id TEXT NULL,
    actor_email TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    brand_id TEXT NULL,
    dealer_id TEXT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NULL
);
CREATE INDEX ix_audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX ix_audit_log_brand_id ON audit_log (brand_id, occurred_at);
