-- Complaints (Complaints/): the case engine holds the process; these tables hold what the feature itself owns.

-- One row per complaint case: lets a consumer list their own complaints without scanning cases.
CREATE TABLE complaints (
    case_id TEXT NOT NULL PRIMARY KEY REFERENCES cases (id),
    brand_id TEXT NOT NULL REFERENCES brands (id),
    dealer_id TEXT NOT NULL REFERENCES dealers (id),
    consumer_id TEXT NOT NULL REFERENCES consumers (id),
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_complaints_consumer ON complaints (consumer_id, created_at);

-- Every message an action sent, keyed by the outbox item's idempotency key, so a redelivery sends nothing twice.
CREATE TABLE complaint_messages (
    idempotency_key TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    channel TEXT NOT NULL,
    recipients TEXT NOT NULL,
    summary TEXT NOT NULL,
    sent_at TEXT NOT NULL
);
CREATE INDEX ix_complaint_messages_case ON complaint_messages (case_id);

-- Remedies granted (points from the recovery budget); the loyalty ledger takes them later and sets taken_at.
CREATE TABLE complaint_remedies (
    idempotency_key TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    dealer_id TEXT NOT NULL REFERENCES dealers (id),
    consumer_id TEXT NOT NULL,
    points INTEGER NOT NULL,
    description TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    taken_at TEXT NULL
);
CREATE INDEX ix_complaint_remedies_untaken ON complaint_remedies (granted_at) WHERE taken_at IS NULL;
