-- Case messaging (Cases/Messaging/): one ledger of the messages every process's notices send, replacing complaint_messages.
-- A row is claimed before the send and marked sent after it, so a delivery that finds it sent sends nothing, and a crash
-- between the send and the mark repeats the message at most once (attempts counts the claims).
CREATE TABLE case_messages (
    idempotency_key TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    channel TEXT NOT NULL,
    recipients TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    claimed_at TEXT NOT NULL,
    sent_at TEXT NULL
);
CREATE INDEX ix_case_messages_case ON case_messages (case_id);

INSERT INTO case_messages (idempotency_key, case_id, channel, recipients, summary, status, attempts, claimed_at, sent_at)
SELECT idempotency_key, case_id, channel, recipients, summary, 'sent', 1, sent_at, sent_at FROM complaint_messages;

DROP TABLE complaint_messages;
