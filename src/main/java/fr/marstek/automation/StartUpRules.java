package fr.marstek.automation;

import fr.marstek.automation.config.SettingsRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers start-up's readers to the settings feature, so a change at run time meets them too. */
@Configuration(proxyBeanMethods = false)
class StartUpRules {

  @Bean
  SettingsRule startUpReaders() {
    return SettingsCheck::readAll;
  }
}
