-- Onboarding: each authorized dealer account's and brand mini program's binding to a WeChat open-platform account,
-- which decides whether its consumers have a unionid and which one (one per open-platform account). state: found (it
-- was bound when authorized), bound (WeLink bound it to the brand's), created (WeLink created the open-platform account
-- for it), refused (WeChat refused; reason says why, in Chinese). dealer_id is null for the brand's mini program.
CREATE TABLE open_platform_bindings (
    app_id TEXT NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    dealer_id UUID NULL,
    open_app_id TEXT NULL,
    state TEXT NOT NULL,
    reason TEXT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_open_platform_bindings_brand ON open_platform_bindings (brand_id);
