package fr.marstek.automation.control;

import fr.marstek.automation.units.PhraseFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Every command sent and every mode change in the log at INFO, so that a household reading {@code
 * journalctl} sees what the service did without opening the dashboard. A command that was not
 * acknowledged is a WARN.
 */
final class ControlLog {

  private static final Logger log = LoggerFactory.getLogger(ControlLog.class);

  @EventListener
  void on(CommandSent event) {
    String outcome = event.outcome().name().toLowerCase(Locale.ROOT);
    String detail = event.detail().map(d -> " (" + d + ")").orElse("");
    if (event.outcome() == CommandSent.Outcome.ACKNOWLEDGED) {
      log.info(
          "battery {}: {} {} [{}]",
          event.battery().value(),
          PhraseFormat.english(event.command()),
          outcome,
          event.cause());
    } else {
      log.warn(
          "battery {}: {} {}{} [{}]",
          event.battery().value(),
          PhraseFormat.english(event.command()),
          outcome,
          detail,
          event.cause());
    }
  }

  @EventListener
  void on(ModeChanged event) {
    log.info(
        "battery {}: mode {} -> {} [{}] {}",
        event.battery().value(),
        event.from(),
        event.to(),
        event.cause(),
        PhraseFormat.english(event.reason()));
  }
}
