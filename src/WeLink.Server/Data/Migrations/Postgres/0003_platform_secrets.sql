-- Tickets and long-lived credentials from WeChat and WeCom, encrypted (see Platform/PlatformSecretStore.cs).
CREATE TABLE platform_secrets (
    kind TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    protected_value TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, owner_id)
);
