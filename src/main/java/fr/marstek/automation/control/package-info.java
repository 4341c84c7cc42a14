/**
 * Keeps every battery in the state it should be in. Each battery's control cycle ({@code
 * ControlCycle.run}, started by the observer's poll) reads top to bottom: observe, lease, decide,
 * reconcile, verify, publish; its events go outward only, at the cycle's end.
 *
 * <p>Control's named API, the only types other modules use (ModularityTest checks it against this
 * list); everything else here is internal.
 *
 * <ul>
 *   <li>The front door: {@link ControlCommands} takes a {@link ControlCommand} and answers a {@link
 *       CommandAnswer}; mode names are {@link ModeName}.
 *   <li>The queries: {@link Automation} (settings, plan, views, overrides, pause, leases) and
 *       {@link FleetObserver} (health, stalls), with the values they answer: {@link
 *       BatteryOverview}, {@link BatteryHealth}, {@link ControlView}, {@link ControlStall}, {@link
 *       LeaseHealth}, {@link ScheduleStep}, {@link ModeOverride}, {@link Intent}, {@link
 *       DesiredState}, {@link Cause}, {@link ControlSettings}, {@link OperatingSchedule}, {@link
 *       SafetyLimits}, {@link ImportCapSettings}, {@link ObserverSettings}.
 *   <li>The events, published for history, notices, MQTT, metrics and the dashboard: {@link
 *       BatteryStatusObserved}, {@link BatteryCameBack}, {@link BatteryWentOffline}, {@link
 *       BatteryProtocolSwitched}, {@link ModeChanged}, {@link CommandSent}, {@link
 *       DesiredStateReached}, {@link BatteryDrifted}, {@link PassiveLeft}, {@link
 *       ImportCapExceeded}.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Control",
    allowedDependencies = {"units", "config", "device", "planning", "tariff", "tariff :: tempo"})
package fr.marstek.automation.control;
