package fr.marstek.automation.config;

import java.util.Set;

/**
 * Published after the household changed some variables at run time (Settings page or API): a
 * feature that uses one of {@code names} reads its settings again from {@link VariableSource},
 * which already sees the new values.
 */
public record SettingsChanged(Set<String> names) {

  public SettingsChanged {
    names = Set.copyOf(names);
  }

  /** True when any of the given variables changed. */
  public boolean touches(String... variables) {
    for (String variable : variables) {
      if (names.contains(variable)) {
        return true;
      }
    }
    return false;
  }
}
