-- Identities (Identities/Contacts/): the WeCom external contacts of each dealer's corp, as WeCom's change_external_contact
-- pushes report them and externalcontact/get reads them. follow_user_ids are the corp members who have the contact
-- (userids, comma-separated); state is the 「联系我」 state of the add that brought them; status is 'added' while a member
-- follows them and 'deleted' once the last one let go (or they deleted the last one). changed_at is the TimeStamp of the
-- latest push applied: an older push, or a replayed one, changes nothing.
CREATE TABLE external_contacts (
    corp_id TEXT NOT NULL,
    external_user_id TEXT NOT NULL,
    dealer_id UUID NOT NULL REFERENCES dealers (id),
    union_id TEXT NULL,
    name TEXT NULL,
    follow_user_ids TEXT NOT NULL,
    state TEXT NULL,
    status TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (corp_id, external_user_id)
);
CREATE INDEX ix_external_contacts_dealer ON external_contacts (dealer_id);
CREATE INDEX ix_external_contacts_union ON external_contacts (union_id) WHERE union_id IS NOT NULL;
