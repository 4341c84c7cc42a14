package fr.marstek.automation.tariff.tempo;

import java.time.LocalDate;
import java.util.Objects;

/** What one source said about Tempo day {@code today} and the day after. */
public record TodayAndTomorrow(
    LocalDate today, TempoColour todayColour, TempoColour tomorrowColour) {

  public TodayAndTomorrow {
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(todayColour, "todayColour");
    Objects.requireNonNull(tomorrowColour, "tomorrowColour");
  }

  public LocalDate tomorrow() {
    return today.plusDays(1);
  }

  public TempoColour colourOf(LocalDate day) {
    if (day.equals(today)) {
      return todayColour;
    }
    return day.equals(tomorrow()) ? tomorrowColour : TempoColour.UNKNOWN;
  }
}
