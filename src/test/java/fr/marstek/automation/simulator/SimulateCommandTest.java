package fr.marstek.automation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code simulate} tool's command line. */
class SimulateCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SimulateCommand.run(args, new PrintWriter(out), new PrintWriter(err), () -> {});
  }

  @Test
  void helpListsTheOptionsAndSucceeds() {
    int code = run("simulate", "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("--batteries", "--base-port", "--bind", "--soc", "--loss", "--firmware");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--batteries 0",
        "--batteries many",
        "--loss 1.5",
        "--soc 120",
        "--base-port 65535 --batteries 2",
        "--bind not..an..address",
        "--colour red",
        "--modbus-profile v9",
        "--modbus-port 65535 --batteries 2"
      })
  void badArgumentsExitWithTwoAndSayWhy(String args) {
    int code = run(args.split(" "));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isNotBlank().contains("Usage:");
  }

  @Test
  void printsEachBatteryAndTheEnvLinesThenStops() {
    int code = run("--batteries", "2", "--base-port", "0", "--soc", "55");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Simulated battery 1: VenusE 3.0 fw 150", "SoC 55 %")
        .contains("BATTERY_1_IP=127.0.0.1", "BATTERY_2_IP=127.0.0.1")
        .containsPattern("BATTERY_2_PORT=\\d+")
        .contains("Running until Ctrl-C.");
  }

  @Test
  void servesModbusTooOnTheSameBatteriesAndPrintsModbusEnvLines() {
    int code =
        run("--batteries", "2", "--base-port", "0", "--modbus-port", "0", "--modbus-profile", "v2");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("and Modbus TCP (v2) at 127.0.0.1:")
        .contains("BATTERY_1_PROTOCOL=modbus", "BATTERY_2_MODBUS_PROFILE=v2")
        .containsPattern("BATTERY_2_PORT=\\d+");
  }

  @Test
  void aPortAlreadyInUseIsReportedWithExitCodeOne() throws Exception {
    try (var taken = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      int code = run("--batteries", "1", "--base-port", String.valueOf(taken.getLocalPort()));

      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("cannot bind the simulator");
    }
  }
}
