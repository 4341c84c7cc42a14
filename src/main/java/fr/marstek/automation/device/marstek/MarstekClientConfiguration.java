package fr.marstek.automation.device.marstek;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.device.DemoBatteries;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Marstek client from the {@code MARSTEK_*} and {@code BATTERY_X_*} variables. */
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
  MarstekBatteries marstekBatteries(
      VariableSource variableSource,
      MarstekTransport transport,
      ObjectProvider<DemoBatteries> demoBatteries) {
    return new MarstekBatteries(variableSource, transport, demoBatteries);
  }
}
