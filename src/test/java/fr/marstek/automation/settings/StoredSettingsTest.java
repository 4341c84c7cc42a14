package fr.marstek.automation.settings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.control.ControlSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Stored settings over the environment, as start-up and every feature read them. */
class StoredSettingsTest {

  @TempDir Path dir;

  private StandardEnvironment environment(Map<String, Object> variables) {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("test", variables));
    return environment;
  }

  private void migrateAndStore(Path file, String name, String value) throws Exception {
    Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).load().migrate();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
        var insert =
            c.prepareStatement("INSERT INTO setting (name, value, changed_at) VALUES (?, ?, 0)")) {
      insert.setString(1, name);
      insert.setString(2, value);
      insert.executeUpdate();
    }
  }

  @Test
  void aStoredValueWinsOverTheEnvironmentFromStartUpOn() throws Exception {
    Path file = dir.resolve("history.db");
    migrateAndStore(file, "MAX_CHARGE_W", "1500");
    var environment = environment(Map.of("DATABASE_FILE", file.toString(), "MAX_CHARGE_W", "2000"));

    StoredSettingsLoader.load(environment);

    Variables variables = VariableSource.of(environment);
    assertThat(variables.text("MAX_CHARGE_W")).hasValue("1500");
    assertThat(ControlSettings.from(variables).defaults().maxCharge().rounded()).isEqualTo(1500);
    assertThat(StoredSettings.environmentOnly(environment)).containsEntry("MAX_CHARGE_W", "2000");
  }

  @Test
  void aStoredValueIsReadFromPostgresqlBeforeStartUpToo() throws Exception {
    String configured = System.getenv("TEST_DATABASE_URL");
    try (var embedded =
        configured == null || configured.isBlank()
            ? io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()
            : null) {
      String server = embedded == null ? configured : embedded.getJdbcUrl("postgres", "postgres");
      String schema = "settings_" + java.util.UUID.randomUUID().toString().replace("-", "");
      try (var admin = DriverManager.getConnection(server)) {
        admin.createStatement().execute("CREATE SCHEMA " + schema);
      }
      String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      Flyway.configure().dataSource(url, null, null).schemas(schema).load().migrate();
      try (var c = DriverManager.getConnection(url)) {
        c.createStatement()
            .execute(
                "INSERT INTO setting (name, value, changed_at) VALUES ('AUTO_MODE_END_HOUR', '21',"
                    + " 0)");
      }
      var environment = environment(Map.of("DATABASE_URL", url, "AUTO_MODE_END_HOUR", "23"));

      StoredSettingsLoader.load(environment);

      assertThat(VariableSource.of(environment).text("AUTO_MODE_END_HOUR")).hasValue("21");
      try (var admin = DriverManager.getConnection(server)) {
        admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void aRowThatIsNotAPageSettingIsIgnored() throws Exception {
    Path file = dir.resolve("history.db");
    migrateAndStore(file, "DATABASE_FILE", "/elsewhere.db");
    var environment = environment(Map.of("DATABASE_FILE", file.toString()));

    StoredSettingsLoader.load(environment);

    assertThat(VariableSource.of(environment).text("DATABASE_FILE")).hasValue(file.toString());
  }

  @Test
  void withoutADatabaseFileTheEnvironmentAloneAppliesAndNoFileIsCreated() {
    Path file = dir.resolve("not-yet.db");
    var environment = environment(Map.of("DATABASE_FILE", file.toString(), "RESERVE_SOC", "20"));

    StoredSettingsLoader.load(environment);

    assertThat(VariableSource.of(environment).text("RESERVE_SOC")).hasValue("20");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void aDatabaseBeforeTheSettingsMigrationHasNoStoredSettings() throws Exception {
    Path file = dir.resolve("old.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.createStatement().execute("CREATE TABLE telemetry (battery TEXT)");
    }
    var environment = environment(Map.of("DATABASE_FILE", file.toString(), "RESERVE_SOC", "20"));

    StoredSettingsLoader.load(environment);

    assertThat(VariableSource.of(environment).text("RESERVE_SOC")).hasValue("20");
  }

  @Test
  void thePageDefaultsAreControlsDefaults() {
    ControlSettings defaults = ControlSettings.from(new Variables(Map.of()));
    assertThat(SettingField.named("AUTO_MODE_START_HOUR").orElseThrow().defaultValue())
        .isEqualTo(String.valueOf(defaults.schedule().dayStart().getHour()));
    assertThat(SettingField.named("AUTO_MODE_END_HOUR").orElseThrow().defaultValue())
        .isEqualTo(String.valueOf(defaults.schedule().dayEnd().getHour()));
    assertThat(SettingField.named("RESERVE_SOC").orElseThrow().defaultValue())
        .isEqualTo(String.valueOf((int) defaults.defaults().reserve().value()));
    assertThat(SettingField.named("MAX_CHARGE_W").orElseThrow().defaultValue())
        .isEqualTo(String.valueOf(defaults.defaults().maxCharge().rounded()));
    assertThat(SettingField.named("MAX_DISCHARGE_W").orElseThrow().defaultValue())
        .isEqualTo(String.valueOf(defaults.defaults().maxDischarge().rounded()));
    assertThat(SettingField.named("STRATEGY").orElseThrow().defaultValue())
        .isEqualToIgnoringCase(defaults.strategy().name());
  }

  @Test
  void aReaderMessageIsAttachedToTheSettingItNames() {
    assertThat(SettingProblem.of("MAX_CHARGE_W=9000: expected a power").name())
        .hasValue("MAX_CHARGE_W");
    assertThat(SettingProblem.of("NOTIFICATION_URLS entry 1: unknown scheme").name())
        .hasValue("NOTIFICATION_URLS");
    assertThat(SettingProblem.of("BATTERY_1_IP=x: expected an address").name()).isEmpty();
  }
}
