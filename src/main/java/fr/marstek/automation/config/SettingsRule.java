package fr.marstek.automation.config;

/**
 * One feature's settings reader, offered as a bean so that a change made at run time is checked by
 * the same code as start-up before anything is stored: it reads {@code variables} and records each
 * mistake there with {@link Variables#problem}.
 */
@FunctionalInterface
public interface SettingsRule {
  void read(Variables variables);
}
