package fr.marstek.automation.history;

import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryStatusObserved;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.control.CommandSent;
import fr.marstek.automation.control.ModeChanged;
import fr.marstek.automation.units.Phrase;
import fr.marstek.automation.units.Phrase.Arg;
import java.util.Optional;
import org.springframework.context.event.EventListener;

/** Stores control's events; the recorder only enqueues, so the control cycle is not held up. */
final class ControlEventsListener {

  private final HistoryRecorder recorder;

  ControlEventsListener(HistoryRecorder recorder) {
    this.recorder = recorder;
  }

  @EventListener
  void on(BatteryStatusObserved event) {
    recorder.recordTelemetry(TelemetrySample.of(event.status()));
  }

  @EventListener
  void on(BatteryWentOffline event) {
    recorder.recordTelemetry(TelemetrySample.offline(event.battery(), event.since()));
    recorder.recordConnectivity(
        new ConnectivityChange(
            event.battery(), event.since(), false, Optional.of(Phrase.verbatim(event.reason()))));
  }

  @EventListener
  void on(BatteryCameBack event) {
    recorder.recordConnectivity(
        new ConnectivityChange(
            event.battery(),
            event.at(),
            true,
            Optional.of(Phrase.of("connectivity.back", Arg.span(event.offlineFor())))));
  }

  @EventListener
  void on(ModeChanged event) {
    recorder.recordModeChange(
        new ModeChange(
            event.battery(),
            event.at(),
            Optional.of(event.from()),
            event.to(),
            ChangeCause.of(event.cause()),
            Optional.of(event.reason())));
  }

  @EventListener
  void on(CommandSent event) {
    CommandOutcome outcome =
        switch (event.outcome()) {
          case ACKNOWLEDGED -> CommandOutcome.ACCEPTED;
          case REJECTED -> CommandOutcome.REJECTED;
          case UNREACHABLE -> CommandOutcome.UNREACHABLE;
        };
    recorder.recordCommand(
        new CommandRecord(
            event.battery(),
            event.at(),
            event.command(),
            ChangeCause.of(event.cause()),
            outcome,
            event.detail()));
  }
}
