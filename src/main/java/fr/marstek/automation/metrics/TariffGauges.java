package fr.marstek.automation.metrics;

import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColour;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.InstantSource;
import java.util.Locale;
import java.util.function.Function;

/**
 * Tempo at scrape time: today's and tomorrow's colour as one 0/1 series per colour (as the battery
 * mode), and the price of the hour now in EUR/kWh (NaN while today's colour is unknown).
 */
final class TariffGauges implements MeterBinder {

  private final TempoColours colours;
  private final Tariff tariff;
  private final InstantSource clock;

  TariffGauges(TempoColours colours, Tariff tariff, InstantSource clock) {
    this.colours = colours;
    this.tariff = tariff;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    colour(registry, "today", TempoOutlook::todayColour);
    colour(registry, "tomorrow", TempoOutlook::tomorrowColour);
    Gauge.builder("marstek.tempo.price", this, TariffGauges::priceNow)
        .baseUnit("eur_per_kwh")
        .description("Price of the hour now: today's colour and period in the grid in force")
        .register(registry);
  }

  private void colour(MeterRegistry registry, String day, Function<TempoOutlook, TempoColour> of) {
    for (TempoColour colour : TempoColour.values()) {
      Gauge.builder(
              "marstek.tempo.colour", colours, c -> of.apply(c.outlook()) == colour ? 1.0 : 0.0)
          .description("1 for the day's Tempo colour, 0 for the others")
          .tag("day", day)
          .tag("colour", colour.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  private double priceNow() {
    // empty while today's colour is unknown: NaN, never the blue price
    return tariff.periodAt(clock.instant()).map(p -> p.price().eurPerKwh()).orElse(Double.NaN);
  }
}
