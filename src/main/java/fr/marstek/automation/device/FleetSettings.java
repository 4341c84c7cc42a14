package fr.marstek.automation.device;

import fr.marstek.automation.config.Variables;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The batteries the household configured: {@code BATTERY_X_IP} for any X, with no fixed upper
 * bound, and {@code BATTERY_X_PROTOCOL} ({@code openapi}, the default, or {@code modbus}). An Open
 * API battery listens on {@code BATTERY_X_PORT} (default 30000+X, UDP); a Modbus one on {@code
 * BATTERY_X_PORT} (default 502, TCP) with {@code BATTERY_X_MODBUS_UNIT} (default 1) and {@code
 * BATTERY_X_MODBUS_PROFILE} ({@code v3}, the default, or {@code v2}). None configured means demo
 * mode.
 *
 * <p>An Open API battery may also name a Modbus address, {@code BATTERY_X_MODBUS_HOST} and {@code
 * BATTERY_X_MODBUS_PORT} (default 502), with {@code BATTERY_X_MODBUS_UNIT} and {@code
 * BATTERY_X_MODBUS_PROFILE}: it is then in {@code failover} too, under the same id, and spoken to
 * over Modbus TCP once its Open API falls silent.
 */
public record FleetSettings(
    List<BatteryEndpoint> batteries, List<ModbusEndpoint> modbus, List<ModbusEndpoint> failover) {

  private static final Pattern IP_VARIABLE = Pattern.compile("BATTERY_(\\d+)_IP");
  private static final Pattern DEPENDENT_VARIABLE =
      Pattern.compile(
          "BATTERY_(\\d+)_(?:PORT|PROTOCOL|MODBUS_UNIT|MODBUS_PROFILE|MODBUS_HOST|MODBUS_PORT)");
  private static final int LARGEST_NUMBER = 9999;

  public FleetSettings {
    batteries = List.copyOf(batteries);
    modbus = List.copyOf(modbus);
    failover = List.copyOf(failover);
  }

  public FleetSettings(List<BatteryEndpoint> batteries, List<ModbusEndpoint> modbus) {
    this(batteries, modbus, List.of());
  }

  /** Open API batteries only. */
  public FleetSettings(List<BatteryEndpoint> batteries) {
    this(batteries, List.of());
  }

  public boolean isEmpty() {
    return batteries.isEmpty() && modbus.isEmpty();
  }

  /** Reads every battery; problems are recorded in {@code variables}, not thrown. */
  public static FleetSettings from(Variables variables) {
    List<BatteryEndpoint> endpoints = new ArrayList<>();
    List<ModbusEndpoint> modbusEndpoints = new ArrayList<>();
    List<ModbusEndpoint> failoverEndpoints = new ArrayList<>();
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
      String prefix = "BATTERY_" + number + "_";
      BatteryProtocol protocol =
          variables.get(
              prefix + "PROTOCOL",
              BatteryProtocol.OPENAPI,
              "openapi (the Open API over UDP) or modbus (Modbus TCP)",
              BatteryProtocol::fromSetting);
      boolean modbus = protocol == BatteryProtocol.MODBUS;
      int port =
          modbus
              ? variables.integer(
                  prefix + "PORT", ModbusEndpoint.DEFAULT_PORT, 1, 65535, "a TCP port 1-65535")
              : variables.port(prefix + "PORT", 30000 + number);
      Optional<InetSocketAddress> failover = failoverAddress(variables, prefix, modbus);
      ModbusSettings modbusSettings =
          ModbusSettings.read(variables, prefix, modbus || failover.isPresent());
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
      BatteryId id = BatteryId.of(number);
      if (modbus) {
        modbusEndpoints.add(
            new ModbusEndpoint(id, address, modbusSettings.unit(), modbusSettings.profile()));
      } else {
        endpoints.add(new BatteryEndpoint(id, address));
        failover.ifPresent(
            a ->
                failoverEndpoints.add(
                    new ModbusEndpoint(id, a, modbusSettings.unit(), modbusSettings.profile())));
      }
    }
    for (var entry : variables.matching(DEPENDENT_VARIABLE).entrySet()) {
      String ipName = "BATTERY_" + entry.getValue() + "_IP";
      if (variables.text(ipName).isEmpty() && variables.text(entry.getKey()).isPresent()) {
        variables.problem(
            entry.getKey(),
            variables.text(entry.getKey()).orElse(""),
            ipName + " to be set too (a setting for a battery without an address)");
      }
    }
    endpoints.sort((a, b) -> a.id().compareTo(b.id()));
    modbusEndpoints.sort((a, b) -> a.id().compareTo(b.id()));
    failoverEndpoints.sort((a, b) -> a.id().compareTo(b.id()));
    return new FleetSettings(endpoints, modbusEndpoints, failoverEndpoints);
  }

  /** Where an Open API battery serves Modbus TCP too, when its owner named it. */
  private static Optional<InetSocketAddress> failoverAddress(
      Variables variables, String prefix, boolean modbus) {
    String hostName = prefix + "MODBUS_HOST";
    String portName = prefix + "MODBUS_PORT";
    if (modbus) {
      setByMistake(
          variables,
          "no such setting on a Modbus battery (its address is "
              + prefix
              + "IP and "
              + prefix
              + "PORT)",
          hostName,
          portName);
      return Optional.empty();
    }
    Optional<String> host = variables.text(hostName);
    if (host.isEmpty()) {
      setByMistake(variables, hostName + " to be set too", portName);
      return Optional.empty();
    }
    int port =
        variables.integer(
            portName, ModbusEndpoint.DEFAULT_PORT, 1, 65535, "a TCP port 1-65535 (usually 502)");
    InetAddress address = resolve(host.get());
    if (address == null) {
      variables.problem(
          hostName,
          host.get(),
          "the battery's (or its RS485 bridge's) IPv4 address such as 192.168.1.21, or a host"
              + " name");
      return Optional.empty();
    }
    return Optional.of(new InetSocketAddress(address, port));
  }

  private record ModbusSettings(int unit, ModbusProfile profile) {

    static ModbusSettings read(Variables variables, String prefix, boolean modbus) {
      String unitName = prefix + "MODBUS_UNIT";
      String profileName = prefix + "MODBUS_PROFILE";
      if (!modbus) {
        setByMistake(
            variables,
            prefix
                + "PROTOCOL=modbus or "
                + prefix
                + "MODBUS_HOST too (a Modbus setting on an Open API battery)",
            unitName,
            profileName);
        return new ModbusSettings(ModbusEndpoint.DEFAULT_UNIT, ModbusProfile.V3);
      }
      int unit =
          variables.integer(
              unitName, ModbusEndpoint.DEFAULT_UNIT, 1, 247, "a Modbus unit id 1-247 (usually 1)");
      ModbusProfile profile =
          variables.get(
              profileName,
              ModbusProfile.V3,
              "v3 (Venus E 3.0, A, D on their Ethernet port) or v2 (Venus E 1.0/2.0 behind an"
                  + " RS485 bridge)",
              ModbusProfile::fromSetting);
      return new ModbusSettings(unit, profile);
    }
  }

  /** Each of these settings that is set is a problem: here it means nothing, as expected says. */
  private static void setByMistake(Variables variables, String expected, String... names) {
    for (String name : names) {
      variables.text(name).ifPresent(value -> variables.problem(name, value, expected));
    }
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
