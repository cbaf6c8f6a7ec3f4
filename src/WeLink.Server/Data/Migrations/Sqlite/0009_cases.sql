-- The case engine (Cases/): definitions HQ publishes, parameter settings, cases with their history, timers,
-- outbox and notes. JSON is stored as TEXT on both providers so that one SQL text serves both; nothing queries inside it.

-- HQ-published versions; shipped defaults live as files. (key, version) is unique across brands, so a case's pinned
-- (definition_key, definition_version) names exactly one definition. brand_id NULL: a platform-wide version.
CREATE TABLE workflow_definitions (
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    brand_id TEXT NULL REFERENCES brands (id),
    json TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (key, version)
);
CREATE INDEX ix_workflow_definitions_brand ON workflow_definitions (brand_id, key);

-- dealer_id NULL: HQ's settings for the brand ({name: {value, dealerAdjustable, dealerMin, dealerMax}});
-- otherwise one dealer's overrides ({name: value}).
CREATE TABLE workflow_parameter_settings (
    brand_id TEXT NOT NULL REFERENCES brands (id),
    dealer_id TEXT NULL REFERENCES dealers (id),
    definition_key TEXT NOT NULL,
    values_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_workflow_parameter_settings ON workflow_parameter_settings
    (brand_id, COALESCE(dealer_id, ''), definition_key);

-- open_business_key is business_key while the case is open and its definition wants one open case per key; NULL
-- otherwise, so the unique index only bites on open cases. closed_at is set on entering a terminal state.
CREATE TABLE cases (
    id TEXT NOT NULL PRIMARY KEY,
    brand_id TEXT NOT NULL REFERENCES brands (id),
    dealer_id TEXT NOT NULL REFERENCES dealers (id),
    definition_key TEXT NOT NULL,
    definition_version INTEGER NOT NULL,
    parameters TEXT NOT NULL,
    state TEXT NOT NULL,
    data TEXT NOT NULL,
    subject_id TEXT NULL,
    assignee_staff_id TEXT NULL,
    assignee_role TEXT NULL,
    business_key TEXT NULL,
    open_business_key TEXT NULL,
    start_key TEXT NOT NULL,
    timer_pause TEXT NULL,
    sla_due_at TEXT NULL,
    breached_at TEXT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT NULL,
    UNIQUE (dealer_id, start_key),
    UNIQUE (dealer_id, definition_key, open_business_key)
);
CREATE INDEX ix_cases_dealer_open ON cases (dealer_id, closed_at);
CREATE INDEX ix_cases_assignee ON cases (assignee_staff_id) WHERE closed_at IS NULL;

-- sequence = the case version the step produced (1 = start), so a case's history is contiguous.
CREATE TABLE case_history (
    case_id TEXT NOT NULL REFERENCES cases (id),
    sequence INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NULL,
    from_state TEXT NULL,
    to_state TEXT NOT NULL,
    trigger TEXT NOT NULL,
    input TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    PRIMARY KEY (case_id, sequence),
    UNIQUE (case_id, idempotency_key)
);

-- Claimed by one node at a time: claimed_until is a lease, so a node that dies mid-fire leaves the timer to another.
CREATE TABLE case_timers (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    key TEXT NOT NULL,
    trigger TEXT NOT NULL,
    breach INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    claimed_by TEXT NULL,
    claimed_until TEXT NULL,
    UNIQUE (case_id, key)
);
CREATE INDEX ix_case_timers_due_at ON case_timers (due_at);

-- status: pending, done, parked (gave up after the configured attempts; an admin can retry it).
CREATE TABLE outbox (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    idempotency_key TEXT NOT NULL UNIQUE,
    action TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NULL,
    locked_until TEXT NULL,
    created_at TEXT NOT NULL,
    completed_at TEXT NULL
);
CREATE INDEX ix_outbox_pending ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_outbox_status ON outbox (status);

CREATE TABLE case_notes (
    id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    author_staff_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_case_notes_case_id ON case_notes (case_id);
