-- Members (Members/): one person per brand, found again in every channel (domain.md, Members and identity).
-- status: known (seen in a channel, not joined), member (joined: member_number, tier, card), merged (merged_into holds
-- the record it became part of; undone by an admin through member_merges), deleted (anonymised at the member's request).
-- The mobile number is the member's key within a brand: phone_index is HMAC-SHA256 of the normalised number under the
-- brand's own key (brand_member_keys), so it is searchable without being readable in a dump; phone_protected is the
-- number encrypted with the Data Protection key ring; phone_masked (138****0000) is what lists show.
CREATE TABLE members (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    home_dealer_id UUID NOT NULL REFERENCES dealers (id),
    status TEXT NOT NULL,
    member_number TEXT NULL,
    tier TEXT NULL,
    name TEXT NULL,
    phone_index TEXT NULL,
    phone_protected TEXT NULL,
    phone_masked TEXT NULL,
    merged_into UUID NULL REFERENCES members (id),
    joined_at TIMESTAMPTZ NULL,
    deleted_at TIMESTAMPTZ NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_members_phone ON members (brand_id, phone_index) WHERE phone_index IS NOT NULL;
CREATE UNIQUE INDEX ux_members_number ON members (brand_id, member_number) WHERE member_number IS NOT NULL;
CREATE INDEX ix_members_brand_name ON members (brand_id, name) WHERE name IS NOT NULL;
CREATE INDEX ix_members_home_dealer ON members (home_dealer_id);

-- Per brand: the key of the phone index and the key that signs member-card QR codes, both encrypted with the key ring.
-- Made on the brand's first use; a key per brand means one brand's index says nothing about another's members.
CREATE TABLE brand_member_keys (
    brand_id UUID NOT NULL PRIMARY KEY REFERENCES brands (id),
    index_key_protected TEXT NOT NULL,
    card_key_protected TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Per brand: what a dealer's staff see of a member's dealings with the brand's other dealers (none, summary, full).
CREATE TABLE brand_member_settings (
    brand_id UUID NOT NULL PRIMARY KEY REFERENCES brands (id),
    sharing TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The identities that lead to a member: kind account / miniprogram (scope = appid, subject = openid, consumer_id the
-- Identities consumer row), unionid (scope '', subject = unionid), external_contact (scope = corpid, subject =
-- external_userid). linked_by says what proved the link (first_sight, unionid, phone, staff). One member per identity.
CREATE TABLE member_identities (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    member_id UUID NOT NULL REFERENCES members (id),
    kind TEXT NOT NULL,
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,
    dealer_id UUID NOT NULL REFERENCES dealers (id),
    consumer_id UUID NULL REFERENCES consumers (id),
    linked_by TEXT NOT NULL,
    linked_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_member_identities ON member_identities (brand_id, kind, scope, subject);
CREATE INDEX ix_member_identities_member ON member_identities (member_id);
CREATE INDEX ix_member_identities_consumer ON member_identities (consumer_id) WHERE consumer_id IS NOT NULL;

-- Two records found to be one person: every row of the merged member moved to the kept one (moved_rows lists them by
-- table, so an admin's undo moves exactly those back), the merged member's status before (prior_status) and the fields
-- that went to the kept member because it had none (moved_fields: phone, name; comma-separated). reason: unionid, phone, staff.
CREATE TABLE member_merges (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    kept_member_id UUID NOT NULL REFERENCES members (id),
    merged_member_id UUID NOT NULL REFERENCES members (id),
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    moved_rows TEXT NOT NULL,
    prior_status TEXT NOT NULL,
    moved_fields TEXT NOT NULL,
    merged_at TIMESTAMPTZ NOT NULL,
    undone_at TIMESTAMPTZ NULL,
    undone_by TEXT NULL
);
CREATE INDEX ix_member_merges_members ON member_merges (kept_member_id);
CREATE INDEX ix_member_merges_merged ON member_merges (merged_member_id);

-- Consent per purpose (service, marketing, location, brand_sharing): every answer is kept (granted or withdrawn), with
-- its time, channel and the version of the text the member saw; the latest per purpose is in force.
CREATE TABLE member_consents (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    member_id UUID NOT NULL REFERENCES members (id),
    purpose TEXT NOT NULL,
    granted BOOLEAN NOT NULL,
    text_version TEXT NOT NULL,
    channel TEXT NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_member_consents_member ON member_consents (member_id, purpose, decided_at);

-- Each change of a profile field, with its source (wechat, miniprogram, phone_button, staff:<id>, admin:<id>) and the new
-- value (a phone as masked; a deletion blanks every value).
CREATE TABLE member_profile_changes (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    member_id UUID NOT NULL REFERENCES members (id),
    field TEXT NOT NULL,
    value TEXT NULL,
    source TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_member_profile_changes_member ON member_profile_changes (member_id, changed_at);

-- Vehicles a member owns, with the dealer that sold or recorded them.
CREATE TABLE member_vehicles (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    member_id UUID NOT NULL REFERENCES members (id),
    dealer_id UUID NOT NULL REFERENCES dealers (id),
    model TEXT NOT NULL,
    plate TEXT NULL,
    vin TEXT NULL,
    purchased_on TEXT NULL,
    source TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_member_vehicles_member ON member_vehicles (member_id);

-- The opening gift a card issue requested, once per case; loyalty (not built yet) credits untaken rows.
CREATE TABLE member_gifts (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    member_id UUID NOT NULL REFERENCES members (id),
    case_id UUID NOT NULL REFERENCES cases (id),
    idempotency_key TEXT NOT NULL UNIQUE,
    points BIGINT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    taken_at TIMESTAMPTZ NULL
);
CREATE INDEX ix_member_gifts_member ON member_gifts (member_id);

-- What was done with a member's data rights: exports and the deletion (kept after deletion, without personal data).
CREATE TABLE member_data_requests (
    id UUID NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    member_id UUID NOT NULL REFERENCES members (id),
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_member_data_requests_member ON member_data_requests (member_id);
