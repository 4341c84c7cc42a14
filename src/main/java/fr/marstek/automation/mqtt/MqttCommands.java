package fr.marstek.automation.mqtt;

import fr.marstek.automation.control.CommandAnswer;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.device.BatteryId;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a message on a command topic into one of control's commands and its answer into the result
 * published back. Control checks it as it checks the REST API's: a mode name alone is a REST
 * request with every default (until the next schedule change; MANUAL at the battery's charging
 * limit up to 100 %, refused in peak hours when it would end before them; PASSIVE refused, it needs
 * a power). A JSON object takes the REST body's fields ({@link ModePayload}), PASSIVE's power
 * included; one that cannot be read is refused, saying why.
 */
final class MqttCommands {

  /** What became of a command, published on the battery's result topic. */
  record Outcome(Optional<BatteryId> battery, boolean accepted, String detail) {

    static Outcome of(Optional<BatteryId> battery, CommandAnswer answer) {
      return new Outcome(battery, answer instanceof CommandAnswer.Accepted, answer.detail());
    }
  }

  private final ControlCommands commands;
  private final Topics topics;
  private final ObjectMapper json;

  MqttCommands(ControlCommands commands, Topics topics, ObjectMapper json) {
    this.commands = commands;
    this.topics = topics;
    this.json = json;
  }

  /** Handles one message; an empty result means the topic is not a command topic. */
  Optional<Outcome> handle(String topic, String payload) {
    String text = payload.trim();
    if (topic.equals(topics.pauseCommand())) {
      return Optional.of(pause(text.toUpperCase(Locale.ROOT)));
    }
    Optional<BatteryId> forMode = topics.batteryOf(topic, "/mode/set");
    if (forMode.isPresent()) {
      return Optional.of(force(forMode, text));
    }
    Optional<BatteryId> toClear = topics.batteryOf(topic, "/override/clear");
    return toClear.map(
        b ->
            Outcome.of(
                toClear,
                commands.submit(new ControlCommand.ClearOverride(Optional.of(b.value())))));
  }

  private Outcome force(Optional<BatteryId> battery, String text) {
    Optional<String> id = battery.map(BatteryId::value);
    if (!text.startsWith("{")) {
      return Outcome.of(battery, commands.submit(ControlCommand.Force.named(id, text)));
    }
    try {
      return Outcome.of(battery, commands.submit(ModePayload.read(json, text).toCommand(id)));
    } catch (ModePayload.Unreadable e) {
      return new Outcome(battery, false, e.getMessage());
    }
  }

  private Outcome pause(String text) {
    return switch (text) {
      case "ON" -> Outcome.of(Optional.empty(), commands.submit(new ControlCommand.Pause(true)));
      case "OFF" -> Outcome.of(Optional.empty(), commands.submit(new ControlCommand.Pause(false)));
      default -> new Outcome(Optional.empty(), false, "pause takes ON or OFF, not '" + text + "'");
    };
  }
}
