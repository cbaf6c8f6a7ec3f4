-- Uploads (Uploads/): the photos consumers upload for their requests. The bytes live in the upload storage (a folder
-- under WeLink's data directory by default); this row says whose they are and which case they belong to. A photo is
-- uploaded before its request is filed, so case_id is null until the filing attaches it; unattached rows older than a
-- day are purged with their bytes. dealer_id is the dealer in context at upload, replaced by the case's dealer on
-- attaching: staff of that dealer may then see the photo.
CREATE TABLE uploads (
    id UUID NOT NULL PRIMARY KEY,
    consumer_id UUID NOT NULL REFERENCES consumers (id),
    dealer_id UUID NOT NULL REFERENCES dealers (id),
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    case_id UUID NULL REFERENCES cases (id),
    attached_at TIMESTAMPTZ NULL
);
CREATE INDEX ix_uploads_consumer ON uploads (consumer_id, created_at);
CREATE INDEX ix_uploads_case ON uploads (case_id);
CREATE INDEX ix_uploads_unattached ON uploads (created_at) WHERE case_id IS NULL;
