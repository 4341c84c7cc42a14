package fr.marstek.automation.settings;

/**
 * A setting as it is in force now.
 *
 * @param value the effective value, masked when the field is secret; {@code ""} when unset
 * @param envValue what the environment says (masked the same way), shown so the user knows what a
 *     reset returns to; {@code ""} when the environment does not set it
 */
public record SettingValue(
    SettingField field, String value, SettingSource source, String envValue) {

  public String name() {
    return field.name();
  }
}
