package fr.marstek.automation.notify.channel;

import java.util.Locale;

/** How urgent a notice is; channels map it to their priority (ntfy, Gotify, Pushover, ...). */
public enum NoticeLevel {
  INFO,
  WARNING,
  CRITICAL;

  /** Apprise's notification type for this level, used by webhooks and Apprise itself. */
  public String appriseType() {
    return switch (this) {
      case INFO -> "info";
      case WARNING -> "warning";
      case CRITICAL -> "failure";
    };
  }

  public static NoticeLevel parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
