package fr.marstek.automation.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Combines chart points: over time within one battery, and across batteries for the fleet. */
final class PointMath {

  private PointMath() {}

  /** One battery's points in one bucket: means, with the extremes kept. */
  static SeriesPoint average(Instant at, List<SeriesPoint> points) {
    if (points.size() == 1) {
      SeriesPoint p = points.getFirst();
      return new SeriesPoint(
          at,
          p.soc(),
          p.batteryPower(),
          p.batteryPowerMin(),
          p.batteryPowerMax(),
          p.gridPower(),
          p.pvPower(),
          p.temperature(),
          p.online(),
          p.charged(),
          p.discharged());
    }
    return new SeriesPoint(
        at,
        mean(points, SeriesPoint::soc),
        mean(points, SeriesPoint::batteryPower),
        min(points, SeriesPoint::batteryPowerMin),
        max(points, SeriesPoint::batteryPowerMax),
        mean(points, SeriesPoint::gridPower),
        mean(points, SeriesPoint::pvPower),
        max(points, SeriesPoint::temperature),
        mean(points, SeriesPoint::online),
        sum(points, SeriesPoint::charged),
        sum(points, SeriesPoint::discharged));
  }

  /**
   * Batteries at one time: powers and energies add up (min and max add up as bounds), state of
   * charge and online share are means, grid power is a mean because batteries usually share one
   * household meter.
   */
  static SeriesPoint fleet(Instant at, List<SeriesPoint> batteries) {
    return new SeriesPoint(
        at,
        mean(batteries, SeriesPoint::soc),
        sum(batteries, SeriesPoint::batteryPower),
        sum(batteries, SeriesPoint::batteryPowerMin),
        sum(batteries, SeriesPoint::batteryPowerMax),
        mean(batteries, SeriesPoint::gridPower),
        sum(batteries, SeriesPoint::pvPower),
        max(batteries, SeriesPoint::temperature),
        mean(batteries, SeriesPoint::online),
        sum(batteries, SeriesPoint::charged),
        sum(batteries, SeriesPoint::discharged));
  }

  private static Double mean(List<SeriesPoint> points, Function<SeriesPoint, Double> field) {
    var stats =
        points.stream().map(field).filter(Objects::nonNull).mapToDouble(d -> d).summaryStatistics();
    return stats.getCount() == 0 ? null : stats.getAverage();
  }

  private static Double sum(List<SeriesPoint> points, Function<SeriesPoint, Double> field) {
    var stats =
        points.stream().map(field).filter(Objects::nonNull).mapToDouble(d -> d).summaryStatistics();
    return stats.getCount() == 0 ? null : stats.getSum();
  }

  private static Double min(List<SeriesPoint> points, Function<SeriesPoint, Double> field) {
    var stats =
        points.stream().map(field).filter(Objects::nonNull).mapToDouble(d -> d).summaryStatistics();
    return stats.getCount() == 0 ? null : stats.getMin();
  }

  private static Double max(List<SeriesPoint> points, Function<SeriesPoint, Double> field) {
    var stats =
        points.stream().map(field).filter(Objects::nonNull).mapToDouble(d -> d).summaryStatistics();
    return stats.getCount() == 0 ? null : stats.getMax();
  }
}
