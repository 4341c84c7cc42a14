package fr.marstek.automation.simulator;

import fr.marstek.automation.device.DeviceMode;
import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code config} of an {@code ES.SetMode}, checked field by field. UPS has no {@link
 * ModeCommand}, so it travels as a bare mode.
 */
record SetModeRequest(DeviceMode mode, Optional<ModeCommand> command) {

  private static final int LARGEST_POWER = 10_000;
  private static final int LONGEST_COUNTDOWN_S = 86_400;

  static SetModeRequest parse(JsonNode params) throws InvalidParams {
    JsonNode config = Params.object(params, "config");
    String mode = Params.text(config, "mode");
    return switch (mode) {
      case "Auto" -> command(new ModeCommand.Auto());
      case "AI" -> command(new ModeCommand.Ai());
      case "UPS", "Ups" -> new SetModeRequest(DeviceMode.UPS, Optional.empty());
      case "Manual" -> command(new ModeCommand.Manual(slot(Params.object(config, "manual_cfg"))));
      case "Passive" -> command(passive(Params.object(config, "passive_cfg")));
      default -> throw new InvalidParams("unknown mode " + mode);
    };
  }

  /** The Manual slot this request writes, if it writes one. */
  Optional<Integer> slotIndex() {
    return command.flatMap(
        c ->
            c instanceof ModeCommand.Manual(ManualSlot slot)
                ? Optional.of(slot.index())
                : Optional.empty());
  }

  boolean isPassive() {
    return mode == DeviceMode.PASSIVE;
  }

  void applyTo(SimulatedBattery battery) {
    command.ifPresentOrElse(battery::apply, () -> battery.setMode(mode));
  }

  private static SetModeRequest command(ModeCommand command) {
    return new SetModeRequest(command.expectedMode(), Optional.of(command));
  }

  private static ManualSlot slot(JsonNode cfg) throws InvalidParams {
    return new ManualSlot(
        Params.integer(cfg, "time_num", 0, ManualSlot.SLOTS - 1),
        Params.time(cfg, "start_time"),
        Params.time(cfg, "end_time"),
        ManualSlot.daysOf(Params.integer(cfg, "week_set", 0, 127)),
        Watts.of(Params.integer(cfg, "power", -LARGEST_POWER, LARGEST_POWER)),
        Params.integer(cfg, "enable", 0, 1) == 1);
  }

  private static ModeCommand passive(JsonNode cfg) throws InvalidParams {
    return new ModeCommand.Passive(
        Watts.of(Params.integer(cfg, "power", -LARGEST_POWER, LARGEST_POWER)),
        Duration.ofSeconds(Params.integer(cfg, "cd_time", 1, LONGEST_COUNTDOWN_S)));
  }
}
