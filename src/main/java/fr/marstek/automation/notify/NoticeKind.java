package fr.marstek.automation.notify;

import fr.marstek.automation.notify.channel.NoticeLevel;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a notice is about; each kind is switched on or off, with its level, in {@code NOTIFY_EVENTS}
 * under its setting name.
 */
public enum NoticeKind {
  BATTERY_OFFLINE("offline", NoticeLevel.WARNING),
  BATTERY_BACK("back", NoticeLevel.INFO),
  BATTERY_DRIFTED("drift", NoticeLevel.WARNING),
  BATTERY_API_SILENT("api_silent", NoticeLevel.WARNING),
  BATTERY_RESET("reset", NoticeLevel.WARNING),
  TEMPO_RED_TOMORROW("tempo_red", NoticeLevel.INFO),
  TEMPO_WHITE_TOMORROW("tempo_white", NoticeLevel.INFO),
  TEMPO_UNKNOWN_LATE("tempo_unknown", NoticeLevel.WARNING),
  CHARGE_SHORT("charge_short", NoticeLevel.WARNING),
  IMPORT_OVER_CAP("import_over", NoticeLevel.WARNING),
  TEMPO_PROVIDER_FAILING("tempo_provider", NoticeLevel.WARNING),
  DATABASE_FAILING("database", NoticeLevel.CRITICAL),
  DAILY_SUMMARY("daily", NoticeLevel.INFO),
  WEEKLY_SUMMARY("weekly", NoticeLevel.INFO),
  TEST("test", NoticeLevel.INFO);

  private final String settingName;
  private final NoticeLevel defaultLevel;

  NoticeKind(String settingName, NoticeLevel defaultLevel) {
    this.settingName = settingName;
    this.defaultLevel = defaultLevel;
  }

  public String settingName() {
    return settingName;
  }

  public NoticeLevel defaultLevel() {
    return defaultLevel;
  }

  static Optional<NoticeKind> bySettingName(String name) {
    return Arrays.stream(values()).filter(k -> k.settingName.equals(name)).findFirst();
  }
}
