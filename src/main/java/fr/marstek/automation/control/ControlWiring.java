package fr.marstek.automation.control;

import fr.marstek.automation.device.Batteries;
import java.time.InstantSource;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Control's three faces over the same state, wired as the service runs them (the configuration and
 * the tests build them the same way): the queries the adapters read, the household's intent the
 * front door changes, and the cycle that drives the batteries.
 */
record ControlWiring(Automation queries, HouseholdIntent intent, ControlCycle cycle) {

  /** The parts control is made of, each made once. */
  record Parts(
      Batteries batteries,
      ControlSettings settings,
      IntentStore store,
      PlanKeeper plans,
      LeaseKeeper leases,
      SlotRecord slots,
      ImportCapGrants caps,
      PeakHours peakHours) {}

  static ControlWiring of(
      Parts parts, Observation observation, ApplicationEventPublisher events, InstantSource clock) {
    var intent = new HouseholdIntent(parts.store(), clock);
    var directions =
        new Directions(parts.settings(), parts.plans(), parts.caps(), parts.peakHours());
    var reconcilers = new Reconcilers(parts.batteries(), parts.slots(), clock);
    parts.leases().alsoEachRound(parts.slots()::save);
    parts.leases().alsoEachRound(intent::readStoredIntentOnce);
    return new ControlWiring(
        new Automation(directions, reconcilers, intent, parts.leases(), clock),
        intent,
        new ControlCycle(
            observation, reconcilers, directions, intent, parts.leases(), events, clock));
  }
}
