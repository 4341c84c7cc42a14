package fr.marstek.automation.device.marstek;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.config.Variables;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.DemoBatteries;
import fr.marstek.automation.device.FleetSettings;
import fr.marstek.automation.device.modbus.ModbusClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The configured Marstek batteries ({@code BATTERY_X_IP}), each over its protocol (Open API or
 * Modbus TCP); with none configured, three demo batteries (Open API) when the simulator feature is
 * present.
 */
public final class MarstekBatteries implements Batteries {

  private static final Logger log = LoggerFactory.getLogger(MarstekBatteries.class);
  static final int DEMO_COUNT = 3;

  private final List<BatteryPort> batteries;
  private final boolean demo;

  MarstekBatteries(
      VariableSource variableSource,
      MarstekTransport transport,
      ObjectProvider<DemoBatteries> demo) {
    this(variableSource, transport, demo, null);
  }

  MarstekBatteries(
      VariableSource variableSource,
      MarstekTransport transport,
      ObjectProvider<DemoBatteries> demo,
      ModbusClient modbus) {
    Variables variables = variableSource.variables();
    FleetSettings fleet = FleetSettings.from(variables);
    int factoryPort = FactoryPort.from(variables);
    variables.check();
    DemoBatteries demoBatteries = fleet.isEmpty() ? demo.getIfAvailable() : null;
    this.demo = demoBatteries != null;
    if (this.demo) {
      log.warn(
          "DEMO MODE: no BATTERY_X_IP is set, so {} simulated batteries on loopback are controlled,"
              + " not yours; set BATTERY_1_IP in .env (see .env.example) to control a battery",
          DEMO_COUNT);
      // Demo devices own their API port on this host, so send from any free port.
      this.batteries =
          open(transport, demoBatteries.start(DEMO_COUNT), LocalPortPolicy.EPHEMERAL, 0);
    } else {
      if (fleet.isEmpty()) {
        log.warn("no battery configured: set BATTERY_1_IP (and BATTERY_1_PORT) in .env");
      }
      List<BatteryPort> all = new ArrayList<>();
      if ((!fleet.modbus().isEmpty() || !fleet.failover().isEmpty()) && modbus == null) {
        throw new IllegalStateException("Modbus batteries configured but no Modbus client");
      }
      for (BatteryPort openApi :
          open(transport, fleet.batteries(), transport.settings().localPortPolicy(), factoryPort)) {
        all.add(
            fleet.failover().stream()
                .filter(f -> f.id().equals(openApi.id()))
                .findFirst()
                .<BatteryPort>map(f -> new FailoverBattery(openApi, modbus.open(f)))
                .orElse(openApi));
      }
      fleet.modbus().forEach(endpoint -> all.add(modbus.open(endpoint)));
      all.sort((a, b) -> a.id().compareTo(b.id()));
      this.batteries = List.copyOf(all);
    }
  }

  private static List<BatteryPort> open(
      MarstekTransport transport,
      List<BatteryEndpoint> endpoints,
      LocalPortPolicy policy,
      int factoryPort) {
    // Every configured link exists before any probe runs, so none probes another's address.
    List<BatteryLink> links =
        endpoints.stream()
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .map(e -> transport.link(e, policy))
            .toList();
    return links.stream()
        .<BatteryPort>map(
            link ->
                new MarstekBattery(
                    link,
                    transport.clock(),
                    transport.settings(),
                    factoryPort == 0 ? null : new FactoryPortProbe(transport, policy, factoryPort)))
        .toList();
  }

  @Override
  public List<BatteryPort> all() {
    return batteries;
  }

  @Override
  public boolean isDemo() {
    return demo;
  }
}
