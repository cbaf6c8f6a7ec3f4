-- Data (Data/Queues/QueueRetention): the purge deletes delivered outbox items by (status, completed_at), as the inbox's
-- purge already uses (status, received_at); without a matching index each batch walked every delivered row. The new
-- index also serves the lookups by status alone that ix_outbox_status served.
CREATE INDEX ix_outbox_status_completed_at ON outbox (status, completed_at);
DROP INDEX ix_outbox_status;
-- Both queue tables take a steady stream of inserts, updates and purges: PostgreSQL's defaults wait for a fifth of the
-- table to change before vacuuming, which lets dead rows pile up between visits on a large table.
ALTER TABLE inbox SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01,
                       autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01,
                        autovacuum_analyze_scale_factor = 0.02);
