package fr.marstek.automation.control;

import fr.marstek.automation.control.Intent.FixedPower;
import fr.marstek.automation.control.Intent.GridCharge;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the household's overrides and the pause switch in the database, so that a restart resumes
 * them; everything else control knows is recomputed from the batteries' reports.
 */
final class IntentStore {

  private static final String ALL = "*";
  private static final String PAUSED = "paused";

  private final JdbcClient jdbc;

  IntentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(ModeOverride o) {
    String target = o.battery().map(BatteryId::value).orElse(ALL);
    Integer power = null;
    Integer soc = null;
    if (o.intent() instanceof GridCharge c) {
      power = c.power().rounded();
      soc = (int) Math.round(c.upTo().value());
    } else if (o.intent() instanceof FixedPower f) {
      power = f.power().rounded();
    }
    jdbc.sql("DELETE FROM control_override WHERE target = ?").param(target).update();
    jdbc.sql(
            "INSERT INTO control_override (target, intent, power_w, target_soc, until_ms,"
                + " allow_peak) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            target,
            kind(o.intent()),
            power,
            soc,
            o.until().toEpochMilli(),
            o.gridChargeInPeak() ? 1 : 0)
        .update();
  }

  void delete(Optional<BatteryId> battery) {
    jdbc.sql("DELETE FROM control_override WHERE target = ?")
        .param(battery.map(BatteryId::value).orElse(ALL))
        .update();
  }

  List<ModeOverride> load(Instant now) {
    return jdbc.sql(
            "SELECT target, intent, power_w, target_soc, until_ms, allow_peak"
                + " FROM control_override WHERE until_ms > ?")
        .param(now.toEpochMilli())
        .query(
            (rs, row) -> {
              String target = rs.getString("target");
              Instant until = Instant.ofEpochMilli(rs.getLong("until_ms"));
              int power = rs.getInt("power_w");
              int soc = rs.getInt("target_soc");
              Intent intent =
                  switch (rs.getString("intent")) {
                    case "AI" -> new Intent.VendorAi();
                    case "IDLE" -> new Intent.Idle();
                    case "MANUAL" -> new GridCharge(Watts.of(power), Percent.of(soc));
                    case "PASSIVE" -> new FixedPower(Watts.of(power), until);
                    default -> new Intent.SelfConsumption();
                  };
              return new ModeOverride(
                  target.equals(ALL) ? Optional.empty() : Optional.of(new BatteryId(target)),
                  intent,
                  until,
                  rs.getInt("allow_peak") == 1);
            })
        .list();
  }

  void savePaused(boolean paused) {
    jdbc.sql("DELETE FROM control_flag WHERE name = ?").param(PAUSED).update();
    jdbc.sql("INSERT INTO control_flag (name, flag_value) VALUES (?, ?)")
        .params(PAUSED, Boolean.toString(paused))
        .update();
  }

  boolean loadPaused() {
    return jdbc.sql("SELECT flag_value FROM control_flag WHERE name = ?")
        .param(PAUSED)
        .query(String.class)
        .optional()
        .map(Boolean::parseBoolean)
        .orElse(false);
  }

  private static String kind(Intent intent) {
    return switch (intent) {
      case Intent.SelfConsumption s -> "AUTO";
      case Intent.VendorAi a -> "AI";
      case Intent.Idle i -> "IDLE";
      case GridCharge c -> "MANUAL";
      case FixedPower f -> "PASSIVE";
    };
  }
}
