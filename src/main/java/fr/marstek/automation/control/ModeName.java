package fr.marstek.automation.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names a person uses for control's intents, the same in the REST API, the dashboard and MQTT:
 * the seed's AUTO and MANUAL, plus AI, IDLE and PASSIVE. The only place they are written.
 */
public enum ModeName {
  AUTO,
  AI,
  /** Grid charge in a device-side slot. */
  MANUAL,
  IDLE,
  /** A fixed AC power: needs a power, so not offered where only a name can be given. */
  PASSIVE;

  public static ModeName of(Intent intent) {
    return switch (intent) {
      case Intent.SelfConsumption s -> AUTO;
      case Intent.VendorAi a -> AI;
      case Intent.GridCharge c -> MANUAL;
      case Intent.Idle i -> IDLE;
      case Intent.FixedPower f -> PASSIVE;
    };
  }

  /** Case and surrounding blanks do not matter. */
  public static Optional<ModeName> parse(String text) {
    String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
  }

  /** The modes a bare name is enough for (a Home Assistant select): all but PASSIVE. */
  public static List<String> byNameAlone() {
    return Arrays.stream(values()).filter(m -> m != PASSIVE).map(Enum::name).toList();
  }

  static String listed() {
    return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
  }
}
