-- Follow events arrive at least once and may arrive out of order (retries with backoff): the time of the
-- event that last set `subscription` lets an older event lose to a newer one instead of overwriting it.
ALTER TABLE consumers ADD COLUMN subscription_changed_at TEXT NULL;

-- First-touch attribution: the WeLink QR scene (d:{dealerId} or s:{staffId}) that first brought the
-- consumer to the account; never overwritten.
ALTER TABLE consumers ADD COLUMN source_scene TEXT NULL;
