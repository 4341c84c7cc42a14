package fr.marstek.automation;

import fr.marstek.automation.config.ClockSettings;
import fr.marstek.automation.config.ServiceSettings;
import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.control.ControlSettings;
import fr.marstek.automation.control.ImportCapSettings;
import fr.marstek.automation.control.ObserverSettings;
import fr.marstek.automation.device.FleetSettings;
import fr.marstek.automation.device.marstek.FactoryPort;
import fr.marstek.automation.device.marstek.MarstekClientSettings;
import fr.marstek.automation.history.HistorySettings;
import fr.marstek.automation.mqtt.MqttSettings;
import fr.marstek.automation.notify.NotifySettings;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.provider.TempoSettings;
import fr.marstek.automation.web.security.ApiSettings;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Reads every feature's settings from one {@link Variables} before any bean exists, so that a user
 * sees all their mistakes in one report instead of one per start attempt.
 */
final class SettingsCheck
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  // Each feature's settings reader; a new feature adds its reader here.
  private static final List<Consumer<Variables>> READERS =
      List.of(
          FleetSettings::from,
          MarstekClientSettings::from,
          FactoryPort::from,
          ObserverSettings::from,
          ControlSettings::from,
          ImportCapSettings::from,
          HistorySettings::from,
          MqttSettings::from,
          NotifySettings::from,
          TempoSettings::from,
          TempoPrices::from,
          ApiSettings::from,
          ServiceSettings::from,
          ClockSettings::from);

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    check(VariableSource.of(event.getEnvironment()));
  }

  static void check(Variables variables) {
    readAll(variables);
    variables.check();
  }

  /** Runs every reader, leaving the mistakes recorded in {@code variables}. */
  static void readAll(Variables variables) {
    READERS.forEach(reader -> reader.accept(variables));
  }

  @Override
  public int getOrder() {
    // After the .env file and the stored settings (settings.StoredSettingsLoader) are in place.
    return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 2;
  }
}
