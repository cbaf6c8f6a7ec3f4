-- Onboarding: the brand's mini program (the consumers' app), authorized to the component by HQ from the brand page.
-- One per brand, one brand per mini program. status: active, or withdrawn after `unauthorized`.
CREATE TABLE brand_miniprograms (
    brand_id TEXT NOT NULL PRIMARY KEY REFERENCES brands (id),
    app_id TEXT NOT NULL UNIQUE,
    nick_name TEXT NOT NULL,
    original_id TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Identities: the refresh tokens of consumers' mini-program sessions, stored as SHA-256 hashes. Each is spent by its
-- first use (spent_at); presenting a spent one again revokes its whole family (every token refreshed from the same
-- sign-in), since only a copy can be presented twice. consumer_id is null until the session has a dealer in context
-- (the consumer's row is made with the first dealer they come through).
CREATE TABLE miniprogram_sessions (
    token_hash TEXT NOT NULL PRIMARY KEY,
    family_id TEXT NOT NULL,
    brand_id TEXT NOT NULL REFERENCES brands (id),
    app_id TEXT NOT NULL,
    open_id TEXT NOT NULL,
    union_id TEXT NULL,
    consumer_id TEXT NULL REFERENCES consumers (id),
    dealer_id TEXT NULL REFERENCES dealers (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    spent_at TEXT NULL,
    revoked_at TEXT NULL
);
CREATE INDEX ix_miniprogram_sessions_family ON miniprogram_sessions (family_id);
