package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * What the service knows about one battery's connection: its last report and whether it answers.
 *
 * @param online false until its first answer, and after the configured number of failed polls
 * @param offlineSince when it was declared offline
 */
public record BatteryHealth(
    BatteryId id,
    String address,
    boolean online,
    Optional<BatteryStatus> lastStatus,
    Optional<Instant> lastSeen,
    Optional<String> lastError,
    Optional<Instant> offlineSince,
    int consecutiveFailures) {

  static BatteryHealth unknown(BatteryId id, String address) {
    return new BatteryHealth(
        id,
        address,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.of("not polled yet"),
        Optional.empty(),
        0);
  }

  BatteryHealth answered(BatteryStatus status, Instant at) {
    return new BatteryHealth(
        id,
        address,
        true,
        Optional.of(status),
        Optional.of(at),
        Optional.empty(),
        Optional.empty(),
        0);
  }

  BatteryHealth failed(String reason, Instant at, int offlineAfter) {
    int failures = consecutiveFailures + 1;
    // A battery never seen yet gets the same allowance: a restart is no reason for a notice.
    boolean nowOffline = failures >= offlineAfter;
    Optional<Instant> since = nowOffline ? Optional.of(offlineSince.orElse(at)) : offlineSince;
    return new BatteryHealth(
        id,
        address,
        online && !nowOffline,
        lastStatus,
        lastSeen,
        Optional.of(reason),
        since,
        failures);
  }
}
