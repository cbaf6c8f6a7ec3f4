-- Identities (Identities/Contacts/): unionids WeLink learned with an openid of a dealer's account or the brand's mini
-- program, queued to be converted in that dealer's WeCom corp (idconvert/unionid_to_external_userid, subject_type 0),
-- since WeCom shows third-party apps no unionid on a contact. One row per dealer and unionid, so a replayed follow queues
-- nothing new. A queue row (status, attempts, next_attempt_at, locked_until, last_error) until done; then outcome says
-- what WeCom answered: 'contact' (external_user_id, linked to the member at once), 'pending' (pending_id, valid until
-- pending_expires_at; an add_external_contact whose pending_id matches links the contact), 'refused' (ids or subjects do
-- not match) or 'no_corp' (the dealer's corp had no live installation). Personal identifiers: deleted with the member.
CREATE TABLE contact_conversions (
    id TEXT NOT NULL PRIMARY KEY,
    brand_id TEXT NOT NULL,
    dealer_id TEXT NOT NULL REFERENCES dealers (id),
    app_id TEXT NOT NULL,
    open_id TEXT NOT NULL,
    union_id TEXT NOT NULL,
    corp_id TEXT NULL,
    outcome TEXT NULL,
    external_user_id TEXT NULL,
    pending_id TEXT NULL,
    pending_expires_at TEXT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NULL,
    locked_until TEXT NULL,
    created_at TEXT NOT NULL,
    completed_at TEXT NULL,
    UNIQUE (dealer_id, union_id)
);
CREATE INDEX ix_contact_conversions_due ON contact_conversions (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_contact_conversions_pending_id ON contact_conversions (corp_id, pending_id) WHERE pending_id IS NOT NULL;
