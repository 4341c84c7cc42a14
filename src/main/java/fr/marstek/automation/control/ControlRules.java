package fr.marstek.automation.control;

/**
 * The rules every battery's reconciler follows; {@code allowance} is its share of the import cap,
 * which changes with the house load.
 */
record ControlRules(
    OperatingSchedule schedule, SafetyLimits limits, RetryPolicy retry, ChargeAllowance allowance) {

  ControlRules(OperatingSchedule schedule, SafetyLimits limits, RetryPolicy retry) {
    this(schedule, limits, retry, ChargeAllowance.UNLIMITED);
  }

  DesiredStateSelector selector() {
    return new DesiredStateSelector(schedule, limits, allowance);
  }
}
