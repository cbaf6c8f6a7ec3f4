-- Conversations (Conversations/): a consumer writing to a dealer's official account, and the dealer's staff answering.
-- One open conversation per consumer and dealer; a message after it was closed opens a new one. last_inbound_at is the
-- consumer's last message, which opens WeChat's 48-hour window for customer-service replies; waiting_since is the oldest
-- consumer message not answered yet (null when answered). notified_at is set once the duty role was told of it.
-- case_id is the complaint filed from the conversation, case_key the staff request (Idempotency-Key) that filed it.
CREATE TABLE conversations (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    dealer_id UUID NOT NULL REFERENCES dealers (id),
    consumer_id UUID NOT NULL REFERENCES consumers (id),
    app_id TEXT NOT NULL,
    open_id TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at TIMESTAMPTZ NOT NULL,
    last_inbound_at TIMESTAMPTZ NOT NULL,
    last_message_at TIMESTAMPTZ NOT NULL,
    waiting_since TIMESTAMPTZ NULL,
    notified_at TIMESTAMPTZ NULL,
    last_invitation_at TIMESTAMPTZ NULL,
    case_id UUID NULL REFERENCES cases (id),
    case_key TEXT NULL,
    closed_at TIMESTAMPTZ NULL
);
CREATE UNIQUE INDEX ux_conversations_open ON conversations (dealer_id, consumer_id) WHERE status = 'open';
CREATE INDEX ix_conversations_dealer ON conversations (dealer_id, last_message_at);
CREATE INDEX ix_conversations_case ON conversations (case_id) WHERE case_id IS NOT NULL;

-- Each message of a conversation. idempotency_key makes every write once-only: a consumer's message is keyed by its
-- account and WeChat MsgId (a replayed push adds nothing), a staff reply or invitation by the staff member's
-- Idempotency-Key (a double tap sends once). delivery is null for the consumer's messages.
CREATE TABLE conversation_messages (
    id UUID NOT NULL PRIMARY KEY,
    conversation_id UUID NOT NULL REFERENCES conversations (id),
    idempotency_key TEXT NOT NULL UNIQUE,
    direction TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NULL,
    media_id TEXT NULL,
    staff_id UUID NULL REFERENCES staff (id),
    delivery TEXT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_conversation_messages_conversation ON conversation_messages (conversation_id, at);

-- A consumer's picture or voice as WeChat's media API gave it, fetched once (WeChat keeps temporary media 3 days).
CREATE TABLE conversation_media (
    message_id UUID NOT NULL PRIMARY KEY REFERENCES conversation_messages (id),
    content_type TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    fetched_at TIMESTAMPTZ NOT NULL
);

-- Per dealer: the staff role told of a new conversation (service_advisor when the dealer set none).
CREATE TABLE conversation_duty_roles (
    dealer_id UUID NOT NULL PRIMARY KEY REFERENCES dealers (id),
    role TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Per brand: the reply a consumer gets at once when they write outside their dealer's business hours (WeLink's
-- Chinese default when the brand set none).
CREATE TABLE brand_conversation_settings (
    brand_id UUID NOT NULL PRIMARY KEY REFERENCES brands (id),
    out_of_hours_reply TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Per brand: keyword replies HQ sets. A consumer's text containing the keyword gets the reply (a text, or a card opening
-- a page of the brand's mini program) before the conversation reaches staff; it never closes the conversation.
CREATE TABLE brand_keyword_replies (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    keyword TEXT NOT NULL,
    reply_kind TEXT NOT NULL,
    reply_text TEXT NULL,
    page_title TEXT NULL,
    page_path TEXT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (brand_id, keyword)
);
