-- Portable DDL: the same history runs on SQLite and PostgreSQL. Times are epoch milliseconds (UTC).
-- TimescaleDB-only SQL is not here: TimescaleFeatures runs it after detecting the extension.

CREATE TABLE telemetry (
  battery        VARCHAR(32) NOT NULL,
  ts             BIGINT NOT NULL,
  online         BOOLEAN NOT NULL,
  soc_pct        DOUBLE PRECISION,
  battery_w      DOUBLE PRECISION,
  grid_w         DOUBLE PRECISION,
  pv_w           DOUBLE PRECISION,
  temp_c         DOUBLE PRECISION,
  charged_wh     DOUBLE PRECISION,
  discharged_wh  DOUBLE PRECISION,
  PRIMARY KEY (battery, ts)
);
CREATE INDEX telemetry_ts ON telemetry (ts);

-- Hourly (UTC hour) and daily (Europe/Paris day) rollups keep sums and counts, so averages are exact.
CREATE TABLE telemetry_hourly (
  battery        VARCHAR(32) NOT NULL,
  bucket         BIGINT NOT NULL,
  samples        BIGINT NOT NULL,
  online_n       BIGINT NOT NULL,
  soc_sum        DOUBLE PRECISION, soc_n BIGINT NOT NULL,
  battery_sum    DOUBLE PRECISION, battery_n BIGINT NOT NULL,
  battery_min    DOUBLE PRECISION, battery_max DOUBLE PRECISION,
  grid_sum       DOUBLE PRECISION, grid_n BIGINT NOT NULL,
  pv_sum         DOUBLE PRECISION, pv_n BIGINT NOT NULL,
  temp_min       DOUBLE PRECISION, temp_max DOUBLE PRECISION,
  charged_min    DOUBLE PRECISION, charged_max DOUBLE PRECISION,
  discharged_min DOUBLE PRECISION, discharged_max DOUBLE PRECISION,
  PRIMARY KEY (battery, bucket)
);

CREATE TABLE telemetry_daily (
  battery        VARCHAR(32) NOT NULL,
  bucket         BIGINT NOT NULL,
  samples        BIGINT NOT NULL,
  online_n       BIGINT NOT NULL,
  soc_sum        DOUBLE PRECISION, soc_n BIGINT NOT NULL,
  battery_sum    DOUBLE PRECISION, battery_n BIGINT NOT NULL,
  battery_min    DOUBLE PRECISION, battery_max DOUBLE PRECISION,
  grid_sum       DOUBLE PRECISION, grid_n BIGINT NOT NULL,
  pv_sum         DOUBLE PRECISION, pv_n BIGINT NOT NULL,
  temp_min       DOUBLE PRECISION, temp_max DOUBLE PRECISION,
  charged_min    DOUBLE PRECISION, charged_max DOUBLE PRECISION,
  discharged_min DOUBLE PRECISION, discharged_max DOUBLE PRECISION,
  PRIMARY KEY (battery, bucket)
);

-- How far the rollup job got, so it resumes after a restart.
CREATE TABLE rollup_state (
  name  VARCHAR(32) PRIMARY KEY,
  done_until BIGINT NOT NULL
);

CREATE TABLE mode_change (
  id        VARCHAR(36) PRIMARY KEY,
  battery   VARCHAR(32) NOT NULL,
  ts        BIGINT NOT NULL,
  from_mode VARCHAR(16),
  to_mode   VARCHAR(16) NOT NULL,
  cause     VARCHAR(24) NOT NULL,
  detail    VARCHAR(500)
);
CREATE INDEX mode_change_ts ON mode_change (ts);
CREATE INDEX mode_change_battery_ts ON mode_change (battery, ts);

CREATE TABLE command_log (
  id        VARCHAR(36) PRIMARY KEY,
  battery   VARCHAR(32) NOT NULL,
  ts        BIGINT NOT NULL,
  command   VARCHAR(200) NOT NULL,
  cause     VARCHAR(24) NOT NULL,
  outcome   VARCHAR(24) NOT NULL,
  detail    VARCHAR(500)
);
CREATE INDEX command_log_ts ON command_log (ts);
CREATE INDEX command_log_battery_ts ON command_log (battery, ts);

CREATE TABLE connectivity (
  id        VARCHAR(36) PRIMARY KEY,
  battery   VARCHAR(32) NOT NULL,
  ts        BIGINT NOT NULL,
  online    BOOLEAN NOT NULL,
  detail    VARCHAR(500)
);
CREATE INDEX connectivity_ts ON connectivity (ts);

-- Tempo colour and the six prices (EUR/kWh) per Tempo day; prices may be unknown until the tariff module fills them.
CREATE TABLE tempo_day (
  day             VARCHAR(10) PRIMARY KEY,
  colour          VARCHAR(8),
  off_peak_eur_kwh DOUBLE PRECISION,
  peak_eur_kwh    DOUBLE PRECISION,
  updated_at      BIGINT NOT NULL
);

CREATE TABLE plan_record (
  id         VARCHAR(36) PRIMARY KEY,
  ts         BIGINT NOT NULL,
  battery    VARCHAR(32),
  body       TEXT NOT NULL
);
CREATE INDEX plan_record_ts ON plan_record (ts);

CREATE TABLE notification_log (
  id         VARCHAR(36) PRIMARY KEY,
  ts         BIGINT NOT NULL,
  channel    VARCHAR(32) NOT NULL,
  kind       VARCHAR(64) NOT NULL,
  message    VARCHAR(2000) NOT NULL,
  delivered  BOOLEAN NOT NULL
);
CREATE INDEX notification_log_ts ON notification_log (ts);
