package fr.marstek.automation.config;

import java.util.function.Function;

/** Gives each feature a fresh {@link Variables} to read its settings from. */
@FunctionalInterface
public interface VariableSource {
  Variables variables();

  /** Reads one feature's settings and stops start-up if any of its variables is wrong. */
  default <T> T read(Function<Variables, T> reader) {
    Variables variables = variables();
    T settings = reader.apply(variables);
    variables.check();
    return settings;
  }
}
