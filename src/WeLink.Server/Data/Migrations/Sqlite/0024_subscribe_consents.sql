-- Case messaging (Cases/Messaging/): what each consumer of a brand's mini program last answered for one of its subscribe
-- templates, from WeChat's subscribe events (accept: the subscribe dialog; reject: the dialog or the consumer's
-- notification settings). decided_at is the event's CreateTime: an older event never overwrites a newer one, and of two
-- in the same second the rejection stays, so a replayed or late event changes nothing.
CREATE TABLE subscribe_consents (
    app_id TEXT NOT NULL,
    open_id TEXT NOT NULL,
    template_id TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (app_id, open_id, template_id)
);

-- A subscribe message's template, and WeChat's later report of it (subscribe_msg_sent_event): delivery 'delivered' or
-- 'failed' with delivery_error (the report's ErrorStatus), wechat_msg_id the report's MsgID (a replayed report finds it
-- and marks nothing else). The send's answer carries no msgid, so a report is matched by recipient and template.
ALTER TABLE case_messages ADD COLUMN template_id TEXT NULL;
ALTER TABLE case_messages ADD COLUMN delivery TEXT NULL;
ALTER TABLE case_messages ADD COLUMN delivery_error TEXT NULL;
ALTER TABLE case_messages ADD COLUMN wechat_msg_id TEXT NULL;
ALTER TABLE case_messages ADD COLUMN delivered_at TEXT NULL;
CREATE INDEX ix_case_messages_unreported ON case_messages (recipients, template_id) WHERE template_id IS NOT NULL AND delivery IS NULL;
