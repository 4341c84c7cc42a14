package fr.marstek.automation.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a configuration mistake into Spring's short start-up report instead of a stack trace. */
final class InvalidConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidConfiguration> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfiguration cause) {
    return new FailureAnalysis(
        "Invalid configuration:\n  " + String.join("\n  ", cause.problems()),
        "Fix the variables above in the environment or in the .env file (see .env.example), then"
            + " start again. A value saved on the Settings page is in the database table 'setting'"
            + " (delete its row to use the .env value).",
        cause);
  }
}
