-- Control's intent survives a restart: the household's overrides and the pause switch.
CREATE TABLE control_override (
    target      VARCHAR(32)  NOT NULL PRIMARY KEY,  -- a battery id, or '*' for every battery
    intent      VARCHAR(16)  NOT NULL,              -- AUTO, AI, MANUAL, IDLE, PASSIVE
    power_w     INTEGER,
    target_soc  INTEGER,
    until_ms    BIGINT       NOT NULL,
    allow_peak  INTEGER      NOT NULL
);

CREATE TABLE control_flag (
    name        VARCHAR(32)  NOT NULL PRIMARY KEY,
    flag_value  VARCHAR(64)  NOT NULL
);
