-- Why a case message reached nobody: a mini-program consumer with no subscribe-message acceptance left who does not follow
-- the dealer's account (case_messages.status 'undeliverable'). Null for messages that were sent.
ALTER TABLE case_messages ADD COLUMN reason TEXT NULL;
