package fr.marstek.automation.tariff.tempo;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.config.Variables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Dated Tempo grids; the grid in force at the start of a consumption interval applies. */
public record TempoPrices(List<TempoPriceGrid> grids) {

  public TempoPrices {
    grids = grids.stream().sorted(Comparator.comparing(TempoPriceGrid::validFrom)).toList();
    if (grids.isEmpty()) {
      throw new IllegalArgumentException("at least one price grid is required");
    }
    for (int i = 1; i < grids.size(); i++) {
      if (grids.get(i).validFrom().equals(grids.get(i - 1).validFrom())) {
        throw new IllegalArgumentException("two grids from " + grids.get(i).validFrom());
      }
    }
  }

  /** The grids of tempo.md §1.4 (latest found: 2026-08-01); configuration may replace them. */
  public static TempoPrices defaults() {
    return new TempoPrices(
        List.of(
            TempoPriceGrid.of(
                LocalDate.of(2024, 2, 1), 0.1296, 0.1609, 0.1486, 0.1894, 0.1568, 0.7562),
            TempoPriceGrid.of(
                LocalDate.of(2025, 2, 1), 0.1288, 0.1552, 0.1447, 0.1792, 0.1518, 0.6586),
            TempoPriceGrid.of(
                LocalDate.of(2025, 8, 1), 0.1232, 0.1494, 0.1391, 0.1730, 0.1460, 0.6468),
            TempoPriceGrid.of(
                LocalDate.of(2026, 2, 1), 0.1325, 0.1612, 0.1499, 0.1871, 0.1575, 0.7060),
            TempoPriceGrid.of(
                LocalDate.of(2026, 8, 1), 0.1356, 0.1654, 0.1536, 0.1921, 0.1615, 0.7295)));
  }

  /** The variable holding configured grids; see {@link #parse(String)} for its format. */
  public static final String VARIABLE = "TEMPO_PRICES";

  /**
   * The defaults with the grids of {@code TEMPO_PRICES}; a wrong value is recorded as a problem of
   * {@code variables} (and the defaults returned so that reading can go on).
   */
  public static TempoPrices from(Variables variables) {
    return variables.get(
        VARIABLE,
        defaults(),
        ConfiguredGrids.FORMAT,
        raw -> {
          try {
            return parse(raw);
          } catch (IllegalArgumentException e) {
            variables.problem(VARIABLE, raw, ConfiguredGrids.FORMAT + "; " + e.getMessage());
            return defaults();
          }
        });
  }

  /**
   * The defaults merged with configured grids, written as {@code
   * 2026-08-01:0.1325,0.1612,0.1499,0.1871,0.1575,0.7060;2027-02-01:...}: each grid's date, then
   * the EUR/kWh prices (TTC) blue off-peak, blue peak, white off-peak, white peak, red off-peak,
   * red peak. A configured grid from the same date as a default one replaces it. For a settings
   * page to check a candidate value.
   *
   * @throws IllegalArgumentException naming the wrong grid and what to write instead
   */
  public static TempoPrices parse(String text) {
    var byDate = new TreeMap<LocalDate, TempoPriceGrid>();
    defaults().grids().forEach(g -> byDate.put(g.validFrom(), g));
    ConfiguredGrids.parse(text).forEach(g -> byDate.put(g.validFrom(), g));
    return new TempoPrices(List.copyOf(byDate.values()));
  }

  /** Regulated prices change every six months (1 February, 1 August); past that, one was missed. */
  public static final Period GRID_LIFETIME = Period.ofMonths(6);

  /** The newest grid known, configured or built in. */
  public TempoPriceGrid newest() {
    return grids.getLast();
  }

  /**
   * Whether the newest known grid has been in force for more than six months on {@code today}, so
   * that a price change since was probably missed (add it to {@code TEMPO_PRICES}).
   */
  public boolean isOutdatedOn(LocalDate today) {
    return today.isAfter(newest().validFrom().plus(GRID_LIFETIME));
  }

  /** The grid in force on a Paris calendar date, empty before the first known grid. */
  public Optional<TempoPriceGrid> gridOn(LocalDate day) {
    TempoPriceGrid found = null;
    for (TempoPriceGrid grid : grids) {
      if (grid.validFrom().isAfter(day)) {
        break;
      }
      found = grid;
    }
    return Optional.ofNullable(found);
  }

  /** The grid in force at an instant (changes happen at local midnight, Paris time). */
  public Optional<TempoPriceGrid> gridAt(Instant t) {
    return gridOn(LocalDateTime.ofInstant(t, PARIS).toLocalDate());
  }

  /**
   * One grid of six prices in {@code TEMPO_PRICES} order ({@code 0.1356,0.1654,...}), applied to
   * all time: for replays.
   *
   * @throws IllegalArgumentException saying which price is wrong
   */
  public static TempoPrices everywhere(String sixPrices) {
    String dated = LocalDate.EPOCH + ":" + sixPrices;
    try {
      TempoPriceGrid grid = ConfiguredGrids.parse(dated).getFirst();
      return new TempoPrices(List.of(TempoPriceGrid.of(LocalDate.MIN, sixOf(grid))));
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String prefix = "'" + dated.trim() + "': ";
      int at = message.indexOf(prefix);
      throw new IllegalArgumentException(
          at < 0 ? message : message.substring(at + prefix.length()), e);
    }
  }

  /** Only the grid in force on {@code day}, applied to all time: for replays of old seasons. */
  public TempoPrices frozenAt(LocalDate day) {
    TempoPriceGrid grid =
        gridOn(day).orElseThrow(() -> new IllegalArgumentException("no price grid on " + day));
    return new TempoPrices(List.of(TempoPriceGrid.of(LocalDate.MIN, sixOf(grid))));
  }

  private static double[] sixOf(TempoPriceGrid g) {
    return new double[] {
      g.blueOffPeak().eurPerKwh(),
      g.bluePeak().eurPerKwh(),
      g.whiteOffPeak().eurPerKwh(),
      g.whitePeak().eurPerKwh(),
      g.redOffPeak().eurPerKwh(),
      g.redPeak().eurPerKwh()
    };
  }
}
