package fr.marstek.automation.control;

import fr.marstek.automation.config.Variables;
import java.time.Duration;

/**
 * How often batteries are polled ({@code POLL_INTERVAL_SECONDS}, 60 s by default: owners whose
 * batteries reset or turned their API off stabilised them at 60-120 s; 15 s at the least) and after
 * how many failed polls one counts as offline.
 */
public record ObserverSettings(Duration interval, int offlineAfterFailedPolls, boolean autoStart) {

  public static ObserverSettings from(Variables variables) {
    int seconds =
        variables.integer("POLL_INTERVAL_SECONDS", 60, 15, 3600, "seconds between polls 15-3600");
    int failures =
        variables.integer(
            "OFFLINE_AFTER_FAILED_POLLS", 3, 1, 100, "a number of failed polls 1-100");
    boolean autoStart = variables.flag("CONTROL_ENABLED", true);
    return new ObserverSettings(Duration.ofSeconds(seconds), failures, autoStart);
  }
}
