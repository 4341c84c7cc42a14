package fr.marstek.automation.mqtt;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.control.SafetyLimits;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.units.Percent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a message on a command topic into a call on control's Automation API, with the REST API's
 * rules: known battery, online, override until the next schedule change, MANUAL charges at the
 * battery's largest charging power up to 100 %, never in peak hours; safety still applies after.
 */
final class MqttCommands {

  /** What became of a command, published on the battery's result topic. */
  record Outcome(Optional<BatteryId> battery, boolean accepted, String detail) {}

  private final Automation automation;
  private final FleetObserver observer;
  private final InstantSource clock;
  private final Topics topics;

  MqttCommands(Automation automation, FleetObserver observer, InstantSource clock, Topics topics) {
    this.automation = automation;
    this.observer = observer;
    this.clock = clock;
    this.topics = topics;
  }

  /** Handles one message; an empty result means the topic is not a command topic. */
  Optional<Outcome> handle(String topic, String payload) {
    String text = payload.trim().toUpperCase(Locale.ROOT);
    if (topic.equals(topics.pauseCommand())) {
      return Optional.of(pause(text));
    }
    Optional<BatteryId> forMode = topics.batteryOf(topic, "/mode/set");
    if (forMode.isPresent()) {
      return Optional.of(force(forMode.get(), text));
    }
    Optional<BatteryId> toClear = topics.batteryOf(topic, "/override/clear");
    return toClear.map(this::clear);
  }

  private Outcome pause(String text) {
    switch (text) {
      case "ON" -> automation.pause();
      case "OFF" -> automation.resume();
      default -> {
        return new Outcome(Optional.empty(), false, "pause takes ON or OFF, not '" + text + "'");
      }
    }
    return new Outcome(Optional.empty(), true, automation.isPaused() ? "paused" : "resumed");
  }

  private Outcome force(BatteryId battery, String mode) {
    Optional<String> refused = refusal(battery);
    if (refused.isPresent()) {
      return new Outcome(Optional.of(battery), false, refused.get());
    }
    Instant now = clock.instant();
    Instant until = automation.settings().schedule().nextChange(now);
    SafetyLimits limits = automation.settings().limitsFor(battery);
    Intent intent =
        switch (mode) {
          case "AUTO" -> new Intent.SelfConsumption();
          case "AI" -> new Intent.VendorAi();
          case "IDLE" -> new Intent.Idle();
          case "MANUAL" -> new Intent.GridCharge(limits.maxCharge(), Percent.of(100));
          default -> null;
        };
    if (intent == null) {
      return new Outcome(
          Optional.of(battery),
          false,
          "mode '" + mode + "' is not one of " + String.join(", ", HomeAssistantDiscovery.MODES));
    }
    automation.override(Optional.of(battery), intent, until, false);
    return new Outcome(Optional.of(battery), true, mode + " until " + until);
  }

  private Outcome clear(BatteryId battery) {
    Optional<String> refused = unknown(battery);
    if (refused.isPresent()) {
      return new Outcome(Optional.of(battery), false, refused.get());
    }
    boolean cleared = automation.clearOverride(Optional.of(battery));
    return new Outcome(
        Optional.of(battery), true, cleared ? "override cleared" : "there was no override");
  }

  private Optional<String> refusal(BatteryId battery) {
    Optional<String> unknown = unknown(battery);
    if (unknown.isPresent()) {
      return unknown;
    }
    BatteryHealth health = observer.health(battery);
    if (!health.online()) {
      return Optional.of(
          "battery "
              + battery
              + " is offline ("
              + health.lastError().orElse("no answer")
              + "): check that it is powered and its Open API enabled, then try again");
    }
    return Optional.empty();
  }

  private Optional<String> unknown(BatteryId battery) {
    return observer.health(battery) == null
        ? Optional.of("no battery '" + battery + "'")
        : Optional.empty();
  }
}
