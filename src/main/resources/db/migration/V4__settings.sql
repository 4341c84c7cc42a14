-- Settings changed on the Settings page (or PUT /api/v1/settings); each row overrides the variable
-- of the same name from the environment / .env. Deleting a row returns to the environment's value.
CREATE TABLE setting (
    name        TEXT    NOT NULL PRIMARY KEY,  -- the variable's name, such as MAX_CHARGE_W
    value       TEXT    NOT NULL,              -- as it would be written in .env; '' means unset
    changed_at  BIGINT  NOT NULL               -- epoch milliseconds (UTC)
);
