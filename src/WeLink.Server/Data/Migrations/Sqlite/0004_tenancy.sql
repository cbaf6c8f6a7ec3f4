-- Platform → brand (HQ) → optional region → dealer (see docs/domain.md, "Tenancy").
CREATE TABLE brands (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE regions (
    id TEXT NOT NULL PRIMARY KEY,
    brand_id TEXT NOT NULL REFERENCES brands (id),
    name TEXT NOT NULL,
    UNIQUE (brand_id, name)
);

-- status: pending (waiting for HQ), approved (may go live), suspended (by HQ).
CREATE TABLE dealers (
    id TEXT NOT NULL PRIMARY KEY,
    brand_id TEXT NOT NULL REFERENCES brands (id),
    region_id TEXT NULL REFERENCES regions (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (brand_id, code)
);
CREATE INDEX ix_dealers_brand_id ON dealers (brand_id);

-- The dealer's consumer side: one authorized official account per dealer, one dealer per account.
-- status: active, or suspended after `unauthorized` (data kept; re-authorizing restores it).
CREATE TABLE official_account_links (
    dealer_id TEXT NOT NULL PRIMARY KEY REFERENCES dealers (id),
    app_id TEXT NOT NULL UNIQUE,
    nick_name TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The dealer's staff side: one installed WeCom corp per dealer, one dealer per corp.
-- status: active, or suspended after `cancel_auth`.
CREATE TABLE wecom_links (
    dealer_id TEXT NOT NULL PRIMARY KEY REFERENCES dealers (id),
    corp_id TEXT NOT NULL UNIQUE,
    corp_name TEXT NOT NULL,
    agent_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Staff in the app's visible range; user_id is the userid as the third-party app sees it.
-- status: active, or left (removed from the visible range; history keeps pointing at the row).
CREATE TABLE staff (
    id TEXT NOT NULL PRIMARY KEY,
    dealer_id TEXT NOT NULL REFERENCES dealers (id),
    corp_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (corp_id, user_id)
);
CREATE INDEX ix_staff_dealer_id ON staff (dealer_id);

-- Roles from Access/StaffRoles.cs, given by the dealer admin.
CREATE TABLE staff_roles (
    staff_id TEXT NOT NULL REFERENCES staff (id),
    role TEXT NOT NULL,
    PRIMARY KEY (staff_id, role)
);

-- A consumer as one dealer's official account knows them (openid per account, unionid when given).
-- subscription: following, unfollowed, or unknown (seen through OAuth only).
CREATE TABLE consumers (
    id TEXT NOT NULL PRIMARY KEY,
    brand_id TEXT NOT NULL REFERENCES brands (id),
    dealer_id TEXT NOT NULL REFERENCES dealers (id),
    app_id TEXT NOT NULL,
    open_id TEXT NOT NULL,
    union_id TEXT NULL,
    nickname TEXT NULL,
    subscription TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (app_id, open_id)
);
CREATE INDEX ix_consumers_dealer_id ON consumers (dealer_id);
