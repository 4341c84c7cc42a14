package fr.marstek.automation.config;

import java.util.List;

/**
 * Configuration that does not stop start-up but is probably not what the household meant (a
 * variable that looks like a battery setting and is ignored): logged at start and shown on {@code
 * /health}.
 */
public record ConfigurationWarnings(List<String> warnings) {

  public ConfigurationWarnings {
    warnings = List.copyOf(warnings);
  }

  static ConfigurationWarnings of(Variables variables) {
    return new ConfigurationWarnings(LookalikeVariables.in(variables.names()));
  }
}
