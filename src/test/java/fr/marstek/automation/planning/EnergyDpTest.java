package fr.marstek.automation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnergyDpTest {

  record Case(
      String name,
      double[] buy,
      double[] maxIn,
      double[] sell,
      double[] maxOut,
      double width,
      double endValue,
      double[] expectedStored) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> handSolvedCases() {
    double e = 0.9;
    return Stream.of(
        Arguments.of(
            new Case(
                "cheap then dear, lossless: move exactly what the dear hour can use",
                new double[] {0.1, 0.5},
                new double[] {2000, 2000},
                new double[] {0.1, 0.5},
                new double[] {600, 600},
                1000,
                0,
                new double[] {0, 600, 0})),
        Arguments.of(
            new Case(
                "with 90 % each way: store what the load needs after losses",
                new double[] {0.1 / e, 0.5 / e},
                new double[] {2000, 2000},
                new double[] {0.1 * e, 0.5 * e},
                new double[] {600 / e, 600 / e},
                1000,
                0,
                new double[] {0, 600 / e, 0})),
        Arguments.of(
            new Case(
                "a spread smaller than the losses: do nothing",
                new double[] {0.1 / e, 0.105 / e},
                new double[] {2000, 2000},
                new double[] {0.1 * e, 0.105 * e},
                new double[] {600, 600},
                1000,
                0,
                new double[] {0, 0, 0})),
        Arguments.of(
            new Case(
                "full store: skip the middle price and sell in the dearest hour",
                new double[] {0.1, 0.3, 0.5},
                new double[] {1000, 1000, 1000},
                new double[] {0.1, 0.3, 0.5},
                new double[] {1000, 1000, 1000},
                500,
                0,
                new double[] {0, 500, 500, 0})),
        Arguments.of(
            new Case(
                "wear larger than the spread: do nothing",
                new double[] {0.1, 0.25},
                new double[] {1000, 1000},
                new double[] {0.1 - 0.2, 0.25 - 0.2},
                new double[] {1000, 1000},
                500,
                0,
                new double[] {0, 0, 0})),
        Arguments.of(
            new Case(
                "equal cheap hours: charge as early as possible, limited by power",
                new double[] {0.1, 0.1, 0.1, 0.5},
                new double[] {300, 300, 300, 300},
                new double[] {0.1, 0.1, 0.1, 0.5},
                new double[] {1000, 1000, 1000, 1000},
                500,
                0,
                new double[] {0, 300, 500, 500, 0})),
        Arguments.of(
            new Case(
                "energy left at the end worth more than the dear hour: keep it",
                new double[] {0.1, 0.2},
                new double[] {1000, 1000},
                new double[] {0.1, 0.2},
                new double[] {1000, 1000},
                500,
                0.3,
                new double[] {0, 500, 500})),
        Arguments.of(
            new Case(
                "two dear hours with a cheap one between: refill in the middle",
                new double[] {0.5, 0.1, 0.5},
                new double[] {1000, 1000, 1000},
                new double[] {0.5, 0.1, 0.5},
                new double[] {400, 400, 400},
                400,
                0,
                new double[] {400, 0, 400, 0})));
  }

  @ParameterizedTest
  @MethodSource("handSolvedCases")
  void findsTheKnownOptimum(Case c) {
    double start = c.expectedStored()[0];

    double[] stored =
        EnergyDp.solve(c.buy(), c.maxIn(), c.sell(), c.maxOut(), c.width(), start, c.endValue());

    assertThat(stored).containsExactly(c.expectedStored(), within(1e-6));
  }

  @org.junit.jupiter.api.Test
  void aRevealWeighsTheCostToGoOfEachOutcomeByItsChance() {
    // hour 0 cheap (0.10), hour 1 reveals the price of hour 2: dear (0.50) with chance p, else
    // cheap (0.05). Buying in hour 0 for hour 2 pays when p x 0.50 + (1 - p) x 0.05 > 0.10.
    double[] buy = {0.10, 1, 1};
    double[] maxIn = {1000, 0, 0};
    double[] maxOut = {0, 0, 1000};
    double[] dear = {0, 0, 0.50};
    double[] cheap = {0, 0, 0.05};
    ConvexValue end = ConvexValue.linear(1000, 0);
    ConvexValue ifDear = EnergyDp.costToGo(buy, maxIn, dear, maxOut, 1000, end, 1);
    ConvexValue ifCheap = EnergyDp.costToGo(buy, maxIn, cheap, maxOut, 1000, end, 1);

    double[] likely =
        EnergyDp.solve(
            buy,
            maxIn,
            dear,
            maxOut,
            1000,
            0,
            end,
            1,
            ConvexValue.mix(new double[] {0.2, 0.8}, new ConvexValue[] {ifDear, ifCheap}));
    double[] unlikely =
        EnergyDp.solve(
            buy,
            maxIn,
            dear,
            maxOut,
            1000,
            0,
            end,
            1,
            ConvexValue.mix(new double[] {0.1, 0.9}, new ConvexValue[] {ifDear, ifCheap}));

    // 0.2 x 0.50 + 0.8 x 0.05 = 0.14 > 0.10: buy; 0.1 x 0.50 + 0.9 x 0.05 = 0.095 < 0.10: do not
    assertThat(likely[1]).isCloseTo(1000, within(1e-6));
    assertThat(unlikely[1]).isCloseTo(0, within(1e-6));
    assertThat(
            ConvexValue.mix(new double[] {0.5, 0.5}, new ConvexValue[] {ifDear, ifCheap})
                .valueAt(1000))
        .isCloseTo(0.5 * ifDear.valueAt(1000) + 0.5 * ifCheap.valueAt(1000), within(1e-9));
  }
}
