-- Data Protection key ring, shared by every node (see Security/DatabaseXmlRepository.cs).
CREATE TABLE data_protection_keys (
    friendly_name TEXT NOT NULL PRIMARY KEY,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- De-duplication keys with an expiry (callback MsgIds, idempotency keys); purged by a recurring job.
CREATE TABLE dedup_keys (
    key TEXT NOT NULL PRIMARY KEY,
    expires_at TEXT NOT NULL
);
CREATE INDEX ix_dedup_keys_expires_at ON dedup_keys (expires_at);
