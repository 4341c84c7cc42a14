package fr.marstek.automation.notify;

import fr.marstek.automation.config.Variables;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * When the watches look (all Europe/Paris): the summaries' hour and day, the evening hour after
 * which an unknown colour is worth a word, the night hour from which a short charge is reported,
 * and how long a battery may stay silent before its Open API is suspected.
 *
 * @param dailySummaryAt empty: no daily summary ({@code NOTIFY_DAILY_SUMMARY_AT} unset)
 * @param weeklySummaryDay empty: no weekly summary; sent at {@link #summaryTime()}
 */
record WatchSettings(
    Optional<LocalTime> dailySummaryAt,
    Optional<DayOfWeek> weeklySummaryDay,
    LocalTime tempoUnknownAt,
    LocalTime chargeCheckFrom,
    Duration apiSilentAfter) {

  static final LocalTime DEFAULT_SUMMARY_TIME = LocalTime.of(21, 0);

  static WatchSettings defaults() {
    return new WatchSettings(
        Optional.empty(),
        Optional.empty(),
        LocalTime.of(20, 0),
        LocalTime.of(3, 0),
        Duration.ofMinutes(30));
  }

  static WatchSettings from(Variables variables) {
    WatchSettings d = defaults();
    Optional<LocalTime> daily =
        variables
            .text("NOTIFY_DAILY_SUMMARY_AT")
            .map(
                v ->
                    variables.get(
                        "NOTIFY_DAILY_SUMMARY_AT",
                        null,
                        "a time such as 21:00",
                        WatchSettings::time));
    Optional<DayOfWeek> weekly =
        variables
            .text("NOTIFY_WEEKLY_SUMMARY_DAY")
            .map(
                v ->
                    variables.get(
                        "NOTIFY_WEEKLY_SUMMARY_DAY",
                        null,
                        "a day such as SUNDAY (or empty for no weekly summary)",
                        raw -> DayOfWeek.valueOf(raw.toUpperCase(Locale.ROOT))));
    LocalTime unknownAt =
        variables.get(
            "NOTIFY_TEMPO_UNKNOWN_AT",
            d.tempoUnknownAt(),
            "a time such as 20:00",
            WatchSettings::time);
    LocalTime chargeFrom =
        variables.get(
            "NOTIFY_CHARGE_CHECK_FROM",
            d.chargeCheckFrom(),
            "a night time from 00:00 to 05:59 such as 03:00",
            raw -> {
              LocalTime t = time(raw);
              if (t.getHour() >= 6) {
                throw new IllegalArgumentException("not in the night");
              }
              return t;
            });
    int silent =
        variables.integer("NOTIFY_API_SILENT_MINUTES", 30, 1, 1440, "minutes of silence 1-1440");
    // A bad value was recorded as a problem and read as null, which map() turns into empty.
    return new WatchSettings(daily, weekly, unknownAt, chargeFrom, Duration.ofMinutes(silent));
  }

  /** The hour of both summaries: the daily one's, or 21:00 when only the weekly one is wanted. */
  LocalTime summaryTime() {
    return dailySummaryAt.orElse(DEFAULT_SUMMARY_TIME);
  }

  private static LocalTime time(String raw) {
    return LocalTime.parse(raw.length() == 4 ? "0" + raw : raw);
  }
}
