package fr.marstek.automation.settings;

/** Where a setting's effective value comes from. */
public enum SettingSource {
  /** Neither the environment nor the page sets it. */
  DEFAULT,
  /** The environment or the {@code .env} file. */
  ENV,
  /** Saved on the Settings page or through the API; wins over the environment. */
  STORED
}
