-- Onboarding (src/WeLink.Server/Onboarding): what the link tables of 0004 do not say yet.

-- The account's original id (gh_…, the ToUserName of its pushes), the permission sets it granted
-- ("1,2,4,7"), and why a link is suspended (shown to the dealer).
ALTER TABLE official_account_links ADD COLUMN original_id TEXT NOT NULL DEFAULT '';
ALTER TABLE official_account_links ADD COLUMN func_scopes TEXT NOT NULL DEFAULT '';
ALTER TABLE official_account_links ADD COLUMN status_reason TEXT NULL;
ALTER TABLE wecom_links ADD COLUMN status_reason TEXT NULL;

-- Pre-auth codes WeLink issued, and for which dealer: the `authorized` event names the code, not the dealer.
CREATE TABLE official_account_pre_auth_codes (
    pre_auth_code TEXT NOT NULL PRIMARY KEY,
    dealer_id UUID NOT NULL REFERENCES dealers (id),
    issued_at TIMESTAMPTZ NOT NULL
);

-- The install link's `state` (WeCom allows only [a-zA-Z0-9], at most 128): a random nonce naming the dealer.
CREATE TABLE wecom_install_states (
    state TEXT NOT NULL PRIMARY KEY,
    dealer_id UUID NOT NULL REFERENCES dealers (id),
    issued_at TIMESTAMPTZ NOT NULL
);

-- One row per authorization or install code (its SHA-256, never the code): the browser's redirect and the
-- platform's push both carry the code, and whichever claims the row first exchanges it (codes are single use).
-- status: processing, completed; outcome: bound, refused.
CREATE TABLE onboarding_grants (
    side TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    dealer_id UUID NULL,
    status TEXT NOT NULL,
    outcome TEXT NULL,
    message TEXT NULL,
    subject_id TEXT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ NULL,
    PRIMARY KEY (side, code_hash)
);

-- The latest refused attempt per dealer and side (official_account, wecom), with the reason shown to the dealer.
CREATE TABLE link_refusals (
    dealer_id UUID NOT NULL REFERENCES dealers (id),
    side TEXT NOT NULL,
    reason TEXT NOT NULL,
    subject_id TEXT NULL,
    refused_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (dealer_id, side)
);

-- The official-account menu HQ sets for every dealer account of the brand (menu/create JSON).
CREATE TABLE brand_menus (
    brand_id UUID NOT NULL PRIMARY KEY REFERENCES brands (id),
    menu_json TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
