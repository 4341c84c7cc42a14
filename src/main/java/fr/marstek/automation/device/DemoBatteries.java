package fr.marstek.automation.device;

import java.util.List;

/**
 * Starts simulated batteries on loopback when the household configured none, so that the service
 * can be tried without hardware. Provided by the simulator feature.
 */
public interface DemoBatteries {

  List<BatteryEndpoint> start(int count);
}
