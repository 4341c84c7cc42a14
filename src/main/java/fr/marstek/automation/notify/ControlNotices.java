package fr.marstek.automation.notify;

import fr.marstek.automation.control.BatteryCameBack;
import fr.marstek.automation.control.BatteryDrifted;
import fr.marstek.automation.control.BatteryProtocolSwitched;
import fr.marstek.automation.control.BatteryWentOffline;
import fr.marstek.automation.control.DesiredStateReached;
import fr.marstek.automation.control.ImportCapExceeded;
import fr.marstek.automation.control.PassiveLeft;
import org.springframework.context.event.EventListener;

/** Turns control's events into notices; runs on control's thread, so it only queues. */
final class ControlNotices {

  private final Notifications notifications;

  ControlNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  @EventListener
  void on(BatteryWentOffline event) {
    notifications.send(Wording.offline(event));
  }

  @EventListener
  void on(BatteryCameBack event) {
    notifications.send(Wording.back(event));
  }

  @EventListener
  void on(BatteryDrifted event) {
    notifications.send(Wording.drifted(event));
  }

  @EventListener
  void on(BatteryProtocolSwitched event) {
    notifications.send(Wording.protocolSwitched(event));
  }

  @EventListener
  void on(PassiveLeft event) {
    notifications.send(Wording.passiveLeft(event));
  }

  @EventListener
  void on(ImportCapExceeded event) {
    notifications.send(Wording.importOverCap(event));
  }

  @EventListener
  void on(DesiredStateReached event) {
    notifications.clear(Wording.driftSubject(event.battery().value()));
  }
}
