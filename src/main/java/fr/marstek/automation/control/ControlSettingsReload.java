package fr.marstek.automation.control;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.SettingsChanged;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.tariff.tempo.TempoColours;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Reads control's variables again after a change at run time (hours, strategy, reserve, power
 * limits) and gives them to {@link Automation}; runs on the thread that stored the change.
 */
final class ControlSettingsReload {

  private static final Logger log = LoggerFactory.getLogger(ControlSettingsReload.class);

  private final VariableSource source;
  private final Automation automation;
  private final Supplier<TempoColours> colours;

  ControlSettingsReload(
      VariableSource source, Automation automation, Supplier<TempoColours> colours) {
    this.source = source;
    this.automation = automation;
    this.colours = colours;
  }

  @EventListener
  void on(SettingsChanged changed) {
    try {
      ImportCapSettings cap = source.read(ImportCapSettings::from);
      if (!cap.equals(automation.importCap())) {
        automation.use(cap);
        log.info("Control follows the new import cap: {} W", Math.round(cap.limitW()));
      }
      ControlSettings next =
          ControlConfiguration.usable(source.read(ControlSettings::from), colours.get());
      if (next.equals(automation.settings())) {
        return; // the change was about another feature
      }
      automation.use(next);
      log.info(
          "Control follows the new settings: {}, {}, strategy {}",
          next.schedule(),
          next.defaults(),
          next.strategy());
    } catch (InvalidConfiguration e) {
      // The settings feature checked them before storing; keep what runs rather than stop.
      log.warn("Control keeps its settings: {}", e.getMessage());
    }
  }
}
