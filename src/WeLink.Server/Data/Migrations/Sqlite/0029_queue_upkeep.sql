-- Data (Data/Queues/QueueRetention): the purge deletes delivered outbox items by (status, completed_at), as the inbox's
-- purge already uses (status, received_at); without a matching index each batch walked every delivered row. The new
-- index also serves the lookups by status alone that ix_outbox_status served. (PostgreSQL's migration also tunes the
-- queue tables' autovacuum; SQLite has none.)
CREATE INDEX ix_outbox_status_completed_at ON outbox (status, completed_at);
DROP INDEX ix_outbox_status;
