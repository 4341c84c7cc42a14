package fr.marstek.automation.control;

import fr.marstek.automation.device.BatteryId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The events of a benchmark run: notes when each battery reached night charging, and the commands
 * and mode changes.
 */
final class BoundaryEvents implements ApplicationEventPublisher {

  private final Map<BatteryId, Long> gridChargeReachedNanos = new ConcurrentHashMap<>();
  private final List<CommandSent> commands = new CopyOnWriteArrayList<>();
  private final List<ModeChanged> modeChanges = new CopyOnWriteArrayList<>();

  @Override
  public void publishEvent(Object event) {
    switch (event) {
      case DesiredStateReached reached -> {
        if (reached.desired().intent() instanceof Intent.GridCharge) {
          gridChargeReachedNanos.putIfAbsent(reached.battery(), System.nanoTime());
        }
      }
      case CommandSent sent -> commands.add(sent);
      case ModeChanged changed -> modeChanges.add(changed);
      default -> {}
    }
  }

  /** When the last battery was confirmed charging, in {@link System#nanoTime()} terms. */
  long lastGridChargeReachedNanos() {
    return gridChargeReachedNanos.values().stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  int gridChargeReached() {
    return gridChargeReachedNanos.size();
  }

  List<CommandSent> commands() {
    return List.copyOf(commands);
  }

  List<ModeChanged> modeChanges() {
    return List.copyOf(modeChanges);
  }

  void clearCommands() {
    commands.clear();
    modeChanges.clear();
  }
}
