package fr.marstek.automation.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Measurements of one quantity over several benchmark rounds. */
public final class Samples {

  private final List<Double> values = new ArrayList<>();

  public synchronized void add(double value) {
    values.add(value);
  }

  public synchronized int count() {
    return values.size();
  }

  public synchronized double median() {
    requireSome();
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public synchronized double max() {
    requireSome();
    return Collections.max(values);
  }

  public synchronized double min() {
    requireSome();
    return Collections.min(values);
  }

  public synchronized double sum() {
    return values.stream().mapToDouble(Double::doubleValue).sum();
  }

  /** {@code 4.12 / 4.30} with the given decimals. */
  public String medianAndMax(int decimals) {
    return format(median(), decimals) + " / " + format(max(), decimals);
  }

  public static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private void requireSome() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no sample recorded");
    }
  }
}
