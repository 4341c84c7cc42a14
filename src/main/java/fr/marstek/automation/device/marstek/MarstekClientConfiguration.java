package fr.marstek.automation.device.marstek;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.device.DemoBatteries;
import fr.marstek.automation.device.modbus.ModbusClient;
import fr.marstek.automation.device.modbus.ModbusClientSettings;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Marstek clients (Open API and Modbus TCP) from the {@code MARSTEK_*} and {@code
 * BATTERY_X_*} variables.
 */
@Configuration(proxyBeanMethods = false)
class MarstekClientConfiguration {

  @Bean
  MarstekClientSettings marstekClientSettings(VariableSource variableSource) {
    return variableSource.read(MarstekClientSettings::from);
  }

  @Bean
  MarstekTransport marstekTransport(
      MarstekClientSettings settings, ObjectProvider<InstantSource> instantSource) {
    return new MarstekTransport(
        settings, new SystemTransportClock(instantSource.getIfUnique(InstantSource::system)));
  }

  @Bean
  ModbusClient modbusClient(ObjectProvider<InstantSource> instantSource) {
    return ModbusClient.create(
        ModbusClientSettings.defaults(), instantSource.getIfUnique(InstantSource::system));
  }

  @Bean
  MarstekBatteries marstekBatteries(
      VariableSource variableSource,
      MarstekTransport transport,
      ObjectProvider<DemoBatteries> demoBatteries,
      ModbusClient modbusClient) {
    return new MarstekBatteries(variableSource, transport, demoBatteries, modbusClient);
  }
}
