package fr.marstek.automation.tariff.peakoffpeak;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.tariff.DayKind;
import fr.marstek.automation.tariff.Price;
import fr.marstek.automation.tariff.PriceList;
import fr.marstek.automation.tariff.PricePeriod;
import fr.marstek.automation.tariff.Tariff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A peak/off-peak ("heures pleines / heures creuses") contract: off-peak every night from {@code
 * offPeakStartHour} to {@code offPeakEndHour} (Paris time), one peak and one off-peak price, every
 * day alike and known in advance. Its day starts when the night's off-peak hours end, so that the
 * night before a peak belongs to the day before, as Tempo's 06:00 day.
 */
public record PeakOffPeakTariff(int offPeakStartHour, int offPeakEndHour, Price peak, Price offPeak)
    implements Tariff {

  /** The only kind of day: nothing to publish, nothing to guess. */
  public enum Day implements DayKind {
    ORDINARY;

    @Override
    public boolean isCritical() {
      return false;
    }
  }

  private static final List<DayKind> KINDS = List.of(Day.ORDINARY);

  /**
   * @throws IllegalArgumentException when the off-peak hours do not run over midnight
   */
  public PeakOffPeakTariff {
    Objects.requireNonNull(peak, "peak");
    Objects.requireNonNull(offPeak, "offPeak");
    if (offPeakEndHour < 0 || offPeakStartHour > 23 || offPeakEndHour >= offPeakStartHour) {
      throw new IllegalArgumentException(
          "off-peak hours must run over midnight, such as 22 to 6: "
              + offPeakStartHour
              + " to "
              + offPeakEndHour);
    }
  }

  @Override
  public boolean isOffPeak(Instant t) {
    return isOffPeak(LocalDateTime.ofInstant(t, PARIS));
  }

  @Override
  public boolean isOffPeak(LocalDateTime local) {
    int hour = local.getHour();
    return hour >= offPeakStartHour || hour < offPeakEndHour;
  }

  @Override
  public Instant nextPeriodChange(Instant t) {
    LocalDate date = LocalDate.ofInstant(t, PARIS);
    for (int d = 0; d <= 1; d++) {
      for (int hour : new int[] {offPeakEndHour, offPeakStartHour}) {
        Instant candidate = date.plusDays(d).atTime(hour, 0).atZone(PARIS).toInstant();
        if (candidate.isAfter(t)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no period change within two days of " + t);
  }

  @Override
  public Optional<PricePeriod> periodAt(Instant t) {
    LocalDate day = dayOf(t);
    Instant nightStart = day.atTime(offPeakStartHour, 0).atZone(PARIS).toInstant();
    return isOffPeak(t)
        ? Optional.of(new PricePeriod(nightStart, dayEnd(day), offPeak, "HC"))
        : Optional.of(new PricePeriod(dayStart(day), nightStart, peak, "HP"));
  }

  @Override
  public LocalDate dayOf(LocalDateTime local) {
    return local.getHour() < offPeakEndHour
        ? local.toLocalDate().minusDays(1)
        : local.toLocalDate();
  }

  @Override
  public Instant dayStart(LocalDate day) {
    return day.atTime(offPeakEndHour, 0).atZone(PARIS).toInstant();
  }

  @Override
  public List<DayKind> kinds() {
    return KINDS;
  }

  @Override
  public Optional<DayKind> kindOf(LocalDate day) {
    return Optional.of(Day.ORDINARY);
  }

  @Override
  public DayKind worstCase(LocalDate day) {
    return Day.ORDINARY;
  }

  @Override
  public Optional<PriceList> pricesOn(LocalDate date) {
    return Optional.of(new Prices());
  }

  /** The same two prices on every day. */
  private final class Prices implements PriceList {

    @Override
    public Price price(DayKind kind, boolean night) {
      if (kind != Day.ORDINARY) {
        throw new IllegalArgumentException("not a peak/off-peak day: " + kind.name());
      }
      return night ? offPeak : peak;
    }

    @Override
    public Price cheapestOffPeak() {
      return offPeak;
    }

    @Override
    public Price cheapestPeak() {
      return peak;
    }

    @Override
    public Price dearestPeak() {
      return peak;
    }
  }
}
