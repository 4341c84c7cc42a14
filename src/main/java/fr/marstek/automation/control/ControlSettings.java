package fr.marstek.automation.control;

import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Control's settings: the day hours, the safety limits (global, and per battery with {@code
 * BATTERY_X_RESERVE_SOC}, {@code BATTERY_X_MAX_CHARGE_W}, {@code BATTERY_X_MAX_DISCHARGE_W}) and
 * the retry pace.
 */
public record ControlSettings(
    OperatingSchedule schedule,
    SafetyLimits defaults,
    Map<BatteryId, SafetyLimits> perBattery,
    RetryPolicy retry,
    Strategy strategy,
    double wearEurPerKwh) {

  /**
   * How the night is decided: {@code FIXED} charges every night by the schedule (the seed's
   * behaviour), {@code TEMPO} follows the plan made from Tempo colours and prices.
   */
  public enum Strategy {
    FIXED,
    TEMPO
  }

  private static final Pattern PER_BATTERY =
      Pattern.compile("BATTERY_(\\d+)_(?:RESERVE_SOC|MAX_CHARGE_W|MAX_DISCHARGE_W)");

  public ControlSettings {
    perBattery = Map.copyOf(perBattery);
  }

  public ControlSettings withStrategy(Strategy other) {
    return new ControlSettings(schedule, defaults, perBattery, retry, other, wearEurPerKwh);
  }

  public SafetyLimits limitsFor(BatteryId battery) {
    return perBattery.getOrDefault(battery, defaults);
  }

  /** Reads and checks every control variable; mistakes are recorded in {@code variables}. */
  public static ControlSettings from(Variables variables) {
    int start = variables.hour("AUTO_MODE_START_HOUR", 6);
    int end = variables.hour("AUTO_MODE_END_HOUR", 22);
    if (start == end) {
      variables.problem(
          "AUTO_MODE_END_HOUR", Integer.toString(end), "an hour other than AUTO_MODE_START_HOUR");
      end = (start + 16) % 24;
    }
    SafetyLimits defaults = limits(variables, "", SafetyLimits.venusE());
    Map<BatteryId, SafetyLimits> perBattery = new TreeMap<>();
    for (String number : variables.matching(PER_BATTERY).values()) {
      perBattery.put(
          BatteryId.of(Integer.parseInt(number)),
          limits(variables, "BATTERY_" + number + "_", defaults));
    }
    int firstWait = variables.integer("COMMAND_RETRY_SECONDS", 30, 1, 3600, "seconds 1-3600");
    int attempts = variables.integer("COMMAND_ATTEMPTS", 4, 1, 20, "a number of attempts 1-20");
    var retry = new RetryPolicy(Duration.ofSeconds(firstWait), attempts, Duration.ofMinutes(5));
    Strategy strategy =
        variables.get(
            "STRATEGY",
            Strategy.TEMPO,
            "fixed (charge every night by the schedule) or tempo (follow the Tempo plan)",
            raw -> Strategy.valueOf(raw.toUpperCase(java.util.Locale.ROOT)));
    double wear =
        variables.get(
            "WEAR_EUR_PER_KWH",
            0.05,
            "a battery wear cost in EUR per kWh discharged, 0-1 (e.g. 0.05)",
            raw -> {
              double value = Double.parseDouble(raw);
              if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("out of range");
              }
              return value;
            });
    return new ControlSettings(
        OperatingSchedule.ofHours(start, end), defaults, perBattery, retry, strategy, wear);
  }

  private static SafetyLimits limits(Variables variables, String prefix, SafetyLimits fallback) {
    int reserve =
        variables.integer(
            prefix + "RESERVE_SOC",
            (int) fallback.reserve().value(),
            0,
            100,
            "a state of charge 0-100 (%)");
    int charge =
        variables.integer(
            prefix + "MAX_CHARGE_W",
            fallback.maxCharge().rounded(),
            1,
            2500,
            "a charging power 1-2500 (W)");
    int discharge =
        variables.integer(
            prefix + "MAX_DISCHARGE_W",
            fallback.maxDischarge().rounded(),
            1,
            2500,
            "a discharging power 1-2500 (W)");
    return new SafetyLimits(Percent.of(reserve), Watts.of(charge), Watts.of(discharge));
  }
}
