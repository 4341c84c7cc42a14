-- The Manual slots each battery acknowledged: a battery cannot read its slots back, so a restart
-- learns from here which slots of the night were written and sends the others again.
CREATE TABLE manual_slot (
    battery     VARCHAR(32)  NOT NULL,
    slot_index  INTEGER      NOT NULL,
    start_time  VARCHAR(5)   NOT NULL,  -- HH:MM, the battery's local time
    end_time    VARCHAR(5)   NOT NULL,
    week_set    INTEGER      NOT NULL,  -- bit 0 = Monday ... bit 6 = Sunday
    power_w     INTEGER      NOT NULL,  -- negative charges
    enabled     INTEGER      NOT NULL,
    PRIMARY KEY (battery, slot_index)
);
