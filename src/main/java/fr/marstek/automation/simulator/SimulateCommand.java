package fr.marstek.automation.simulator;

import fr.marstek.automation.device.ModbusProfile;
import fr.marstek.automation.units.Percent;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: runs simulated Venus E batteries on UDP until Ctrl-C and prints the {@code
 * .env} lines that point the service at them.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs simulated Marstek Venus E batteries that speak the Open API on UDP (and Modbus TCP"
          + " with --modbus-port), until Ctrl-C.",
      "Battery N listens on <bind>:<base-port + N - 1>; the .env lines to use them are printed."
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--batteries", defaultValue = "3", description = "How many (1-99). Default 3.")
  private int batteries;

  @Option(
      names = "--base-port",
      defaultValue = "30001",
      description = "UDP port of battery 1; 0 = ephemeral ports. Default 30001.")
  private int basePort;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address. Default 127.0.0.1.")
  private String bind;

  @Option(names = "--soc", description = "Initial state of charge in %% (default 45/62/80...).")
  private Optional<Double> soc = Optional.empty();

  @Option(names = "--loss", defaultValue = "0.0", description = "Share of requests dropped, 0-1.")
  private double loss;

  @Option(names = "--firmware", defaultValue = "150", description = "Firmware (144, 150, 153).")
  private int firmware;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for the random faults.")
  private long seed;

  @Option(
      names = "--reply-to-api-port",
      description = "Reply to <sender IP>:<device port>, like HMG-50 firmware 153.")
  private boolean replyToApiPort;

  @Option(
      names = "--modbus-port",
      description =
          "Also serve Modbus TCP: battery N on <bind>:<modbus-port + N - 1> (0 = ephemeral), on the"
              + " same battery as its Open API; the .env lines then use Modbus.")
  private Optional<Integer> modbusPort = Optional.empty();

  @Option(
      names = "--modbus-profile",
      defaultValue = "v3",
      description = "Register map served over Modbus: v3 (Venus E 3.0) or v2 (Venus E 1.0/2.0).")
  private String modbusProfile;

  private final PrintWriter out;
  private final Runnable awaitStop;

  private SimulateCommand(PrintWriter out, Runnable awaitStop) {
    this.out = out;
    this.awaitStop = awaitStop;
  }

  /** The command as a subcommand of the jar's command line: runs until the JVM stops. */
  public static SimulateCommand untilStopped(PrintWriter out) {
    return new SimulateCommand(out, SimulateCommand::untilTheJvmStops);
  }

  /** Runs the command ({@code args} may start with {@code simulate}); returns the exit code. */
  public static int run(String[] args) {
    return run(
        args,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        SimulateCommand::untilTheJvmStops);
  }

  static int run(String[] args, PrintWriter out, PrintWriter err, Runnable awaitStop) {
    String[] own =
        args.length > 0 && args[0].equals("simulate")
            ? Arrays.copyOfRange(args, 1, args.length)
            : args;
    CommandLine commandLine = new CommandLine(new SimulateCommand(out, awaitStop));
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(own);
  }

  @Override
  public Integer call() {
    List<SimulatorOptions> fleet = fleetOptions();
    ModbusProfile profile = profile();
    List<SimulatedDevice> devices = new ArrayList<>();
    List<SimulatedModbusDevice> modbusDevices = new ArrayList<>();
    try {
      for (SimulatorOptions options : fleet) {
        SimulatedDevice device = SimulatedDevice.start(options, InstantSource.system());
        devices.add(device);
        if (modbusPort.isPresent()) {
          int port = modbusPort.get() == 0 ? 0 : modbusPort.get() + devices.size() - 1;
          modbusDevices.add(
              SimulatedModbusDevice.start(
                  device.battery(),
                  options,
                  profile,
                  new InetSocketAddress(options.bindAddress(), port),
                  Duration.ofSeconds(1), // a real v3 frees its only client slot about 1 s later
                  InstantSource.system()));
        }
      }
      new FleetPrintout(out).print(devices, modbusDevices, profile);
      awaitStop.run();
      return 0;
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println(e.getMessage() + ": " + e.getCause().getMessage());
      return 1;
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    } finally {
      modbusDevices.forEach(SimulatedModbusDevice::close);
      devices.forEach(SimulatedDevice::close);
    }
  }

  private List<SimulatorOptions> fleetOptions() {
    check(batteries >= 1 && batteries <= 99, "--batteries must be 1-99");
    check(
        basePort == 0 || (basePort >= 1 && basePort + batteries - 1 <= 65535),
        "--base-port must be 0 or leave room for every battery below 65536");
    check(soc.isEmpty() || (soc.get() >= 0 && soc.get() <= 100), "--soc must be 0-100");
    check(loss >= 0 && loss <= 1, "--loss must be between 0 and 1");
    check(firmware > 0, "--firmware must be positive");
    check(
        modbusPort.isEmpty()
            || modbusPort.get() == 0
            || (modbusPort.get() >= 1 && modbusPort.get() + batteries - 1 <= 65535),
        "--modbus-port must be 0 or leave room for every battery below 65536");
    InetAddress address = bindAddress();
    List<SimulatorOptions> fleet = new ArrayList<>();
    for (int number = 1; number <= batteries; number++) {
      SimulatorOptions options =
          DemoFleet.options(number, batteries)
              .withBindAddress(address)
              .withPort(basePort == 0 ? 0 : basePort + number - 1)
              .withFirmware(firmware)
              .withSeed(seed + number)
              .withReplyToApiPort(replyToApiPort);
      fleet.add(soc.map(s -> options.withInitialSoc(Percent.of(s))).orElse(options));
    }
    return fleet;
  }

  private ModbusProfile profile() {
    try {
      return ModbusProfile.fromSetting(modbusProfile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--modbus-profile must be v3 or v2");
    }
  }

  private InetAddress bindAddress() {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--bind is not an address: " + bind);
    }
  }

  private void check(boolean valid, String message) {
    if (!valid) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  private static void untilTheJvmStops() {
    try {
      // Ctrl-C ends the JVM; the operating system then releases the sockets.
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class FleetPrintout {
    private final PrintWriter printer;

    FleetPrintout(PrintWriter printer) {
      this.printer = printer;
    }

    void print(
        List<SimulatedDevice> devices,
        List<SimulatedModbusDevice> modbusDevices,
        ModbusProfile profile) {
      List<String> env = new ArrayList<>();
      for (int i = 0; i < devices.size(); i++) {
        SimulatedDevice device = devices.get(i);
        device.faults().lossRate(loss); // a fault, so it is set on the running device
        InetSocketAddress at = device.address();
        String host =
            (at.getAddress().isAnyLocalAddress()
                    ? InetAddress.getLoopbackAddress()
                    : at.getAddress())
                .getHostAddress();
        printer.printf(
            "Simulated battery %d: %s fw %d, ble_mac %s, at %s:%d, SoC %d %%%n",
            i + 1,
            device.options().model(),
            device.options().firmware(),
            device.options().bleMac(),
            host,
            at.getPort(),
            Math.round(device.battery().soc().value()));
        env.add("BATTERY_" + (i + 1) + "_IP=" + host);
        if (modbusDevices.isEmpty()) {
          env.add("BATTERY_" + (i + 1) + "_PORT=" + at.getPort());
          continue;
        }
        int tcp = modbusDevices.get(i).address().getPort();
        printer.printf("  and Modbus TCP (%s) at %s:%d%n", profile.setting(), host, tcp);
        env.add("BATTERY_" + (i + 1) + "_PROTOCOL=modbus");
        env.add("BATTERY_" + (i + 1) + "_PORT=" + tcp);
        env.add("BATTERY_" + (i + 1) + "_MODBUS_PROFILE=" + profile.setting());
      }
      printer.println();
      printer.println("# .env lines to point the service at these batteries:");
      env.forEach(printer::println);
      printer.println();
      printer.println("Running until Ctrl-C.");
      printer.flush();
    }
  }
}
