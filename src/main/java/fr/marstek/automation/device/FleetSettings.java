package fr.marstek.automation.device;

import fr.marstek.automation.config.Variables;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The batteries the household configured: {@code BATTERY_X_IP} and {@code BATTERY_X_PORT} (default
 * 30000+X) for any X, with no fixed upper bound. None configured means demo mode.
 */
public record FleetSettings(List<BatteryEndpoint> batteries) {

  private static final Pattern IP_VARIABLE = Pattern.compile("BATTERY_(\\d+)_IP");
  private static final Pattern PORT_VARIABLE = Pattern.compile("BATTERY_(\\d+)_PORT");
  private static final int LARGEST_NUMBER = 9999;

  public FleetSettings {
    batteries = List.copyOf(batteries);
  }

  public boolean isEmpty() {
    return batteries.isEmpty();
  }

  /** Reads every battery; problems are recorded in {@code variables}, not thrown. */
  public static FleetSettings from(Variables variables) {
    List<BatteryEndpoint> endpoints = new ArrayList<>();
    Map<InetSocketAddress, String> seen = new HashMap<>();
    for (var entry : variables.matching(IP_VARIABLE).entrySet()) {
      String ipName = entry.getKey();
      int number = Integer.parseInt(entry.getValue());
      if (number < 1 || number > LARGEST_NUMBER) {
        variables.problem(ipName, variables.text(ipName).orElse(""), "X in BATTERY_X_IP 1-9999");
        continue;
      }
      String raw = variables.text(ipName).orElse(null);
      if (raw == null) {
        continue;
      }
      int port = variables.port("BATTERY_" + number + "_PORT", 30000 + number);
      InetAddress host = resolve(raw);
      if (host == null) {
        variables.problem(ipName, raw, "an IPv4 address such as 192.168.1.20, or a host name");
        continue;
      }
      var address = new InetSocketAddress(host, port);
      String previous = seen.putIfAbsent(address, ipName);
      if (previous != null) {
        variables.problem(ipName, raw + ":" + port, "an address not already used by " + previous);
        continue;
      }
      endpoints.add(new BatteryEndpoint(BatteryId.of(number), address));
    }
    for (var entry : variables.matching(PORT_VARIABLE).entrySet()) {
      String ipName = "BATTERY_" + entry.getValue() + "_IP";
      if (variables.text(ipName).isEmpty() && variables.text(entry.getKey()).isPresent()) {
        variables.problem(
            entry.getKey(),
            variables.text(entry.getKey()).orElse(""),
            ipName + " to be set too (a port without an address)");
      }
    }
    endpoints.sort((a, b) -> a.id().compareTo(b.id()));
    return new FleetSettings(endpoints);
  }

  private static InetAddress resolve(String raw) {
    if (!raw.matches("[A-Za-z0-9.:-]+")) {
      return null;
    }
    try {
      return InetAddress.getByName(raw);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
