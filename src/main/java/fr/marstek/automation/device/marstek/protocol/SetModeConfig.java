package fr.marstek.automation.device.marstek.protocol;

import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.units.Watts;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code config} object of {@code ES.SetMode}; power keeps the device sign (− charges). */
final class SetModeConfig {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private SetModeConfig() {}

  static ObjectNode of(ModeCommand command, Family family) throws InvalidCommand {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("mode", command.expectedMode().wireName());
    switch (command) {
      case ModeCommand.Auto _ -> config.putObject("auto_cfg").put("enable", 1);
      case ModeCommand.Ai _ -> config.putObject("ai_cfg").put("enable", 1);
      case ModeCommand.Manual manual -> manual(config.putObject("manual_cfg"), manual, family);
      case ModeCommand.Passive passive -> passive(config.putObject("passive_cfg"), passive, family);
    }
    return config;
  }

  private static void manual(ObjectNode cfg, ModeCommand.Manual manual, Family family)
      throws InvalidCommand {
    var slot = manual.slot();
    if (family == Family.VENUS_E_MINI && slot.index() > 5) {
      throw new InvalidCommand("the Venus E mini has manual slots 0-5 only, not " + slot.index());
    }
    cfg.put("time_num", slot.index());
    cfg.put("start_time", hhmm(slot.start()));
    cfg.put("end_time", hhmm(slot.end()));
    cfg.put("week_set", slot.weekSet());
    cfg.put("power", checkedPower(slot.power(), family));
    cfg.put("enable", slot.enabled() ? 1 : 0);
  }

  private static void passive(ObjectNode cfg, ModeCommand.Passive passive, Family family)
      throws InvalidCommand {
    cfg.put("power", checkedPower(passive.power(), family));
    cfg.put("cd_time", wholeSecondsRoundedUp(passive.countdown()));
  }

  private static String hhmm(LocalTime time) {
    return time.format(HH_MM);
  }

  private static long wholeSecondsRoundedUp(Duration countdown) {
    return countdown.getSeconds() + (countdown.getNano() > 0 ? 1 : 0);
  }

  private static int checkedPower(Watts power, Family family) throws InvalidCommand {
    int watts = power.rounded();
    if (watts < 0 && -watts > family.chargeLimit().rounded()) {
      throw new InvalidCommand(
          "charge power "
              + power
              + " is beyond the "
              + family
              + " limit of "
              + family.chargeLimit());
    }
    if (watts > 0 && watts > family.dischargeLimit().rounded()) {
      throw new InvalidCommand(
          "discharge power "
              + power
              + " is beyond the "
              + family
              + " limit of "
              + family.dischargeLimit());
    }
    return watts;
  }
}
