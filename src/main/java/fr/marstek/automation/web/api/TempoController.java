package fr.marstek.automation.web.api;

import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoNow;
import fr.marstek.automation.tariff.tempo.TempoOutlook;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Tempo view: colours, the current price, the season so far and the colour sources. */
@RestController
@Tag(name = "Tempo", description = "EDF Tempo colours, prices and colour sources")
class TempoController {

  private final TempoColours colours;
  private final TempoPrices prices;
  private final Tariff tariff;
  private final InstantSource clock;

  TempoController(TempoColours colours, TempoPrices prices, Tariff tariff, InstantSource clock) {
    this.colours = colours;
    this.prices = prices;
    this.tariff = tariff;
    this.clock = clock;
  }

  @GetMapping("/api/v1/tempo")
  @Operation(
      summary =
          "Today's and tomorrow's colour, the current period and price, the six prices, days"
              + " used and left this season, and each colour source's health")
  TempoView tempo() {
    if (!colours.enabled()) {
      throw new ErrorResponseException(
          HttpStatus.NOT_FOUND,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.NOT_FOUND,
              "Tempo is turned off (TEMPO_ENABLED=false): set TEMPO_ENABLED=true to use Tempo"
                  + " colours and prices."),
          null);
    }
    TempoNow now = TempoNow.of(colours, prices, tariff, clock.instant());
    TempoOutlook outlook = now.outlook();
    return new TempoView(
        ApiTimes.paris(now.at()),
        TempoView.Day.of(outlook.today(), outlook.todayColour(), colours.sourceOf(outlook.today())),
        TempoView.Day.of(
            outlook.tomorrow(), outlook.tomorrowColour(), colours.sourceOf(outlook.tomorrow())),
        outlook.tomorrowPublished(),
        outlook.unknownReason().orElse(null),
        TempoView.Period.of(now),
        now.grid().map(TempoView.Prices::of).orElse(null),
        TempoView.Season.of(now.tally()),
        colours.health().stream().map(TempoView.Provider::of).toList());
  }
}
