package fr.marstek.automation.history;

import fr.marstek.automation.device.BatteryId;
import java.time.Duration;
import java.util.Optional;

/**
 * Records what happened. Calls return at once: writes go to a bounded buffer that one writer
 * flushes in batches, each batch in one transaction, and flushes again on shutdown.
 */
public interface HistoryRecorder {

  void recordTelemetry(TelemetrySample sample);

  void recordModeChange(ModeChange change);

  void recordCommand(CommandRecord command);

  void recordConnectivity(ConnectivityChange change);

  void recordTempoDay(TempoDayRecord day);

  /**
   * A plan as JSON (or any text the planner chooses), for the whole fleet when battery is empty.
   */
  void recordPlan(Optional<BatteryId> battery, String body);

  void recordNotification(String channel, String kind, String message, boolean delivered);

  /**
   * Waits until everything recorded before this call is committed.
   *
   * @return false when that did not happen within the timeout (database down or slow)
   */
  boolean flush(Duration timeout);
}
