package fr.marstek.automation.tariff;

/** The prices in force on a date, by kind of day and by period (peak or off-peak). */
public interface PriceList {

  /**
   * The price of a kind of day's peak or off-peak hours.
   *
   * @throws IllegalArgumentException for a kind of day that is not this tariff's
   */
  Price price(DayKind kind, boolean offPeak);

  Price cheapestOffPeak();

  Price cheapestPeak();

  /** The most a peak hour can cost, whatever the day: the most a stored kWh can spare. */
  Price dearestPeak();
}
