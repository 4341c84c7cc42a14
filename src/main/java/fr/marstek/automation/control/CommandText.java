package fr.marstek.automation.control;

import fr.marstek.automation.device.ModeCommand;

/** A command as the command log shows it. */
final class CommandText {

  private CommandText() {}

  static String of(ModeCommand command) {
    return switch (command) {
      case ModeCommand.Auto a -> "Auto";
      case ModeCommand.Ai a -> "AI";
      case ModeCommand.Manual m ->
          "Manual slot %d %s-%s week_set %d %s %s"
              .formatted(
                  m.slot().index(),
                  m.slot().start(),
                  m.slot().end(),
                  m.slot().weekSet(),
                  m.slot().power(),
                  m.slot().enabled() ? "enabled" : "disabled");
      case ModeCommand.Passive p ->
          "Passive %s for %d s".formatted(p.power(), p.countdown().toSeconds());
    };
  }
}
