package fr.marstek.automation.settings;

import java.util.Optional;

/**
 * One reason a change was refused.
 *
 * @param name the setting the message is about, when it names one of the page's settings
 */
public record SettingProblem(Optional<String> name, String message) {

  /** Attaches a reader's message ({@code NAME=value: expected ...}) to the setting it names. */
  static SettingProblem of(String message) {
    return new SettingProblem(
        SettingField.ALL.stream()
            .map(SettingField::name)
            .filter(
                n ->
                    message.startsWith(n + "=")
                        || message.startsWith(n + " ")
                        || message.startsWith(n + ":"))
            .max(java.util.Comparator.comparingInt(String::length)),
        message);
  }
}
