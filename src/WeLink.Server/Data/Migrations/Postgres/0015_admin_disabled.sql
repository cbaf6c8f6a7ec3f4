-- An admin another admin disabled: refused at sign-in like an unknown email, and their sessions end at the next recheck.
ALTER TABLE admin_users ADD COLUMN disabled_at TIMESTAMPTZ NULL;
