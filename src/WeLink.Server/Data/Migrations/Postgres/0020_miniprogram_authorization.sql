-- Onboarding: pre-auth codes WeLink issued for a brand's mini program, the brand and the HQ admin who asked. The
-- `authorized` push names the code, not the brand; the admin is who the audit log names when the link is made.
CREATE TABLE miniprogram_pre_auth_codes (
    pre_auth_code TEXT NOT NULL PRIMARY KEY,
    brand_id UUID NOT NULL REFERENCES brands (id),
    admin_id UUID NULL,
    admin_email TEXT NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL
);
