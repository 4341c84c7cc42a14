package fr.marstek.automation.control;

/** The rules every battery's reconciler follows. */
record ControlRules(OperatingSchedule schedule, SafetyLimits limits, RetryPolicy retry) {

  DesiredStateSelector selector() {
    return new DesiredStateSelector(schedule, limits);
  }
}
