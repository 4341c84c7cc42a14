package fr.marstek.automation.control;

import fr.marstek.automation.device.ModeCommand;
import fr.marstek.automation.device.ModeCommand.ManualSlot;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;

/** A command in words, as the command log shows it. */
final class CommandText {

  private CommandText() {}

  static Phrase of(ModeCommand command) {
    return switch (command) {
      case ModeCommand.Auto a -> Phrase.of("command.auto");
      case ModeCommand.Ai a -> Phrase.of("command.ai");
      case ModeCommand.Manual m -> manual(m.slot());
      case ModeCommand.Passive p ->
          Phrase.of(
              p.power().value() < 0 ? "command.passive.charge" : "command.passive.discharge",
              Arg.watts(p.power().abs()),
              Arg.span(p.countdown()));
    };
  }

  private static Phrase manual(ManualSlot slot) {
    Arg number = Arg.count(slot.index());
    if (!slot.enabled()) {
      return Phrase.of("command.manual.off", number);
    }
    String key =
        slot.power().value() < 0
            ? "command.manual.charge"
            : slot.power().value() > 0 ? "command.manual.discharge" : "command.manual.hold";
    return Phrase.of(
        key,
        number,
        Arg.time(slot.start()),
        Arg.time(slot.end()),
        Arg.weekdays(slot.days()),
        Arg.watts(slot.power().abs()));
  }
}
