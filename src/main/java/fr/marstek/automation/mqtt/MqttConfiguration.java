package fr.marstek.automation.mqtt;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.history.SavingsTotals;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.ObjectMapper;

/** MQTT is on when {@code MQTT_URL} is set; a mistake in its variables stops start-up. */
@Configuration(proxyBeanMethods = false)
class MqttConfiguration {

  @Bean
  MqttSettings mqttSettings(VariableSource source) {
    Variables variables = source.variables();
    MqttSettings settings = MqttSettings.from(variables);
    variables.check();
    return settings;
  }

  @Bean
  DeviceIdentities mqttDeviceIdentities(Batteries batteries) {
    return new DeviceIdentities(batteries);
  }

  @Bean
  MqttBridge mqttBridge(
      MqttSettings settings,
      Automation automation,
      ControlCommands controlCommands,
      FleetObserver observer,
      InstantSource clock,
      DeviceIdentities identities,
      TempoColours colours,
      SavingsTotals savings,
      ObjectProvider<TempoPrices> prices,
      Tariff liveTariff,
      ObjectMapper json) {
    var commands = new MqttCommands(controlCommands, Topics.of(settings), json);
    var tariff =
        new TariffFeed(
            colours, savings, clock, prices.getIfAvailable(TempoPrices::defaults), liveTariff);
    return new MqttBridge(settings, commands, observer, automation, identities, tariff, json);
  }

  @Bean
  MqttConnection mqttConnection(MqttSettings settings, MqttBridge bridge, TaskScheduler scheduler) {
    var connection =
        new MqttConnection(
            settings, bridge, bridge::publishAll, bridge::publishTempoChanges, scheduler);
    bridge.attach(connection);
    return connection;
  }
}
