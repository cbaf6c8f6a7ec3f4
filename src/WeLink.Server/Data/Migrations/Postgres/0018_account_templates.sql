-- The template id each official account gave WeLink for a library template (api_add_template), so that WeLink adds a
-- template to an account once and sends with the account's own id. keywords: the picked keyword names, joined by '|'.
CREATE TABLE account_templates (
    app_id TEXT NOT NULL,
    library_id TEXT NOT NULL,
    keywords TEXT NOT NULL,
    template_id TEXT NOT NULL,
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (app_id, library_id, keywords)
);
