package fr.marstek.automation.mqtt;

import fr.marstek.automation.control.CommandAnswer;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.device.BatteryId;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a message on a command topic into one of control's commands and its answer into the result
 * published back. Control checks it as it checks the REST API's: a mode name alone is a REST
 * request with every default (until the next schedule change; MANUAL at the battery's charging
 * limit up to 100 %, refused in peak hours when it would end before them; PASSIVE refused, it needs
 * a power).
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

  MqttCommands(ControlCommands commands, Topics topics) {
    this.commands = commands;
    this.topics = topics;
  }

  /** Handles one message; an empty result means the topic is not a command topic. */
  Optional<Outcome> handle(String topic, String payload) {
    String text = payload.trim();
    if (topic.equals(topics.pauseCommand())) {
      return Optional.of(pause(text.toUpperCase(Locale.ROOT)));
    }
    Optional<BatteryId> forMode = topics.batteryOf(topic, "/mode/set");
    if (forMode.isPresent()) {
      var command = ControlCommand.Force.named(Optional.of(forMode.get().value()), text);
      return Optional.of(Outcome.of(forMode, commands.submit(command)));
    }
    Optional<BatteryId> toClear = topics.batteryOf(topic, "/override/clear");
    return toClear.map(
        b ->
            Outcome.of(
                toClear,
                commands.submit(new ControlCommand.ClearOverride(Optional.of(b.value())))));
  }

  private Outcome pause(String text) {
    return switch (text) {
      case "ON" -> Outcome.of(Optional.empty(), commands.submit(new ControlCommand.Pause(true)));
      case "OFF" -> Outcome.of(Optional.empty(), commands.submit(new ControlCommand.Pause(false)));
      default -> new Outcome(Optional.empty(), false, "pause takes ON or OFF, not '" + text + "'");
    };
  }
}
