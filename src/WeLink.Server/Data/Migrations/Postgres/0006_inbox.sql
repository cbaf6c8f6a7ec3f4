-- Every callback WeChat and WeCom push, written before WeLink answers (see Callbacks/InboxStore.cs).
-- dedup_key makes a platform retry of a stored push a no-op. status: pending (to dispatch), done,
-- ignored (no handler wanted it; kept), parked (failed MaxAttempts times; an admin can retry it).
-- locked_until is the lease of the dispatcher that claimed the row: once it passes, another node may claim it.
CREATE TABLE inbox (
    id UUID NOT NULL PRIMARY KEY,
    channel TEXT NOT NULL,
    target_id TEXT NULL,
    dedup_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ NULL,
    last_error TEXT NULL,
    processed_at TIMESTAMPTZ NULL
);
CREATE INDEX ix_inbox_due ON inbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_inbox_status_received_at ON inbox (status, received_at);
