-- Texts a person reads, kept as a message key with typed arguments (JSON) beside their English text,
-- so that the dashboard and the API write them in the reader's language. Older rows have text only.
ALTER TABLE mode_change ADD COLUMN detail_json TEXT;
ALTER TABLE command_log ADD COLUMN command_json TEXT;
ALTER TABLE connectivity ADD COLUMN detail_json TEXT;
