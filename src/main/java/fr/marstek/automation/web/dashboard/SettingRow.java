package fr.marstek.automation.web.dashboard;

import java.util.List;

/**
 * One line of the Settings page.
 *
 * @param value what the input shows: the value in force, or what the user typed when refused
 * @param source default, env or stored (message key suffix)
 * @param options the choices of a select, empty for a text input
 * @param problem why the last attempt was refused, empty when it was not
 */
public record SettingRow(
    String name,
    String value,
    String source,
    String envValue,
    boolean appliedNow,
    List<String> options,
    String problem) {

  public boolean stored() {
    return "stored".equals(source);
  }

  /** Hours, SOC and watts are numbers: a phone shows its number pad. */
  public boolean numeric() {
    return name.endsWith("_HOUR")
        || name.endsWith("_SOC")
        || name.endsWith("_W")
        || name.endsWith("_KVA");
  }
}
