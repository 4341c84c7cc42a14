package fr.marstek.automation.config;

/** Gives each feature a fresh {@link Variables} to read its settings from. */
@FunctionalInterface
public interface VariableSource {
  Variables variables();
}
