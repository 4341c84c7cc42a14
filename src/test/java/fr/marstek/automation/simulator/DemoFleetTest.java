package fr.marstek.automation.simulator;

import static fr.marstek.automation.simulator.UdpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryEndpoint;
import fr.marstek.automation.device.DemoBatteries;
import java.net.DatagramSocket;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Demo mode as Spring wires it: the clock bean, the fleet, and shutdown. */
class DemoFleetTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(InstantSource.class, InstantSource::system)
          .withUserConfiguration(DemoFleet.class);

  @Test
  void startsDistinctSimulatedBatteriesOnLoopbackWithStaggeredSoc() {
    context.run(
        app -> {
          List<BatteryEndpoint> endpoints = app.getBean(DemoBatteries.class).start(3);

          Set<String> macs = new HashSet<>();
          List<Integer> socs = new java.util.ArrayList<>();
          for (BatteryEndpoint endpoint : endpoints) {
            try (var client = new UdpClient(endpoint.address())) {
              macs.add(
                  client
                      .callJson(
                          "{\"id\":1,\"method\":\"Marstek.GetDevice\",\"params\":{\"ble_mac\":\"0\"}}")
                      .get("result")
                      .get("ble_mac")
                      .stringValue());
              socs.add(
                  client
                      .callJson(request(2, "ES.GetStatus"))
                      .get("result")
                      .get("bat_soc")
                      .intValue());
            }
          }

          assertThat(endpoints).extracting(e -> e.id().value()).containsExactly("1", "2", "3");
          assertThat(endpoints)
              .allSatisfy(e -> assertThat(e.address().getAddress().isLoopbackAddress()).isTrue());
          assertThat(macs).hasSize(3);
          assertThat(socs).hasSize(3).doesNotHaveDuplicates();
        });
  }

  @Test
  void closesItsBatteriesWhenTheApplicationStops() throws Exception {
    var started = new java.util.ArrayList<BatteryEndpoint>();
    context.run(app -> started.addAll(app.getBean(DemoBatteries.class).start(2)));

    for (BatteryEndpoint endpoint : started) {
      try (var rebound = new DatagramSocket(endpoint.address())) {
        assertThat(rebound.getLocalPort()).isEqualTo(endpoint.address().getPort());
      }
    }
  }
}
