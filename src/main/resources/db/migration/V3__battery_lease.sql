-- Several instances may share one database; only the holder of a battery's lease commands it.
CREATE TABLE battery_lease (
    battery     VARCHAR(32)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(80)  NOT NULL,
    expires_ms  BIGINT       NOT NULL
);
