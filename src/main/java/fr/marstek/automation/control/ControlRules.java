package fr.marstek.automation.control;

/**
 * The rules every battery's reconciler follows; {@code allowance} is its share of the import cap,
 * which changes with the house load; {@code peakHours} the tariff's.
 */
record ControlRules(
    OperatingSchedule schedule,
    SafetyLimits limits,
    RetryPolicy retry,
    ChargeAllowance allowance,
    PeakHours peakHours) {

  ControlRules(
      OperatingSchedule schedule, SafetyLimits limits, RetryPolicy retry, PeakHours peakHours) {
    this(schedule, limits, retry, ChargeAllowance.UNLIMITED, peakHours);
  }

  DesiredStateSelector selector() {
    return new DesiredStateSelector(schedule, limits, allowance, peakHours);
  }
}
