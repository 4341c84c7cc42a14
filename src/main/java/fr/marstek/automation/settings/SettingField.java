package fr.marstek.automation.settings;

import java.util.List;
import java.util.Optional;

/**
 * A variable the household may change at run time.
 *
 * @param defaultValue what applies when neither the environment nor the page sets it ({@code ""}:
 *     nothing, such as no notification URL)
 * @param appliedNow true when the running service takes a change at once; false when it waits for
 *     the next restart (said so on the page)
 * @param secret the value is never shown as typed (notification URLs carry tokens)
 */
public record SettingField(String name, String defaultValue, boolean appliedNow, boolean secret) {

  public static final List<SettingField> ALL =
      List.of(
          new SettingField("AUTO_MODE_START_HOUR", "6", true, false),
          new SettingField("AUTO_MODE_END_HOUR", "22", true, false),
          new SettingField("STRATEGY", "tempo", true, false),
          new SettingField("RESERVE_SOC", "11", true, false),
          new SettingField("MAX_CHARGE_W", "2500", true, false),
          new SettingField("MAX_DISCHARGE_W", "800", true, false),
          new SettingField("SUBSCRIBED_KVA", "", true, false),
          new SettingField("MAX_GRID_IMPORT_W", "", true, false),
          // Tempo's providers and prices are wired once at start-up (tariff.tempo.provider).
          new SettingField("TEMPO_ENABLED", "true", false, false),
          new SettingField("TEMPO_PROVIDERS", "rte,rte-public,couleur-tempo", false, false),
          new SettingField("TEMPO_PRICES", "", false, false),
          new SettingField("NOTIFICATION_URLS", "", true, true));

  public static Optional<SettingField> named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  static List<String> names() {
    return ALL.stream().map(SettingField::name).toList();
  }
}
