package fr.marstek.automation.replay;

import fr.marstek.automation.planning.LoadHistory;
import java.time.Instant;
import java.util.OptionalDouble;

/** Recorded house load: the mean power (W) of each hour, empty where the hour is not covered. */
interface LoadSeries extends LoadHistory {

  @Override
  OptionalDouble watts(Instant hourStart);
}
