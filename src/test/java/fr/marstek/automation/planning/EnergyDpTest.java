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
}
