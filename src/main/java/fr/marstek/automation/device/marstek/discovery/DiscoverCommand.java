package fr.marstek.automation.device.marstek.discovery;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code discover}: finds batteries on the LAN and prints ready-to-paste {@code .env} lines. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Broadcasts Marstek.GetDevice and lists the batteries that answer.",
      "The Open API must be enabled in the Marstek app first."
    })
public final class DiscoverCommand implements Callable<Integer> {

  @Option(
      names = "--broadcast",
      paramLabel = "ADDR",
      description =
          "Address to probe (repeatable). Default: 255.255.255.255 and each interface's"
              + " broadcast address.")
  private List<InetAddress> broadcasts = new ArrayList<>();

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Device API port to probe (repeatable). Default: 30000.")
  private List<Integer> ports = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "How long to keep probing, e.g. 10s or 1500ms. Default: ${DEFAULT-VALUE}.")
  private Duration window;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "Time between probes. Default: ${DEFAULT-VALUE}.")
  private Duration interval;

  @Option(
      names = "--listen",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "How long to keep listening after the last probe. Default: ${DEFAULT-VALUE}.")
  private Duration listen;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "0.0.0.0",
      description = "Local address to send from. Default: ${DEFAULT-VALUE}.")
  private InetAddress bindAddress;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Runs {@code discover} with the arguments after the command name; returns the exit code. */
  public static int run(String[] args) {
    return run(
        args,
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
  }

  static int run(String[] args, PrintWriter out, PrintWriter err) {
    String[] rest = args.length > 0 && args[0].equals("discover") ? tail(args) : args;
    return new CommandLine(new DiscoverCommand()).setOut(out).setErr(err).execute(rest);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var options =
        new Discovery.Options(
            broadcasts,
            ports.isEmpty() ? List.of(30000) : ports,
            window,
            interval,
            listen,
            bindAddress);
    List<DiscoveredBattery> found =
        new Discovery(options, InstantSource.system(), err::println).run();
    if (found.isEmpty()) {
      err.println(
          "No battery answered. Check that the Open API is enabled in the Marstek app, that this"
              + " machine is on the batteries' network, and the port (--port).");
      return 1;
    }
    DiscoveryReport.print(found, out);
    return 0;
  }

  private static String[] tail(String[] args) {
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    return rest;
  }

  /** Accepts {@code 10s}, {@code 1500ms}, {@code 2m} and ISO-8601 ({@code PT10S}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (v.startsWith("pt")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      if (v.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      }
      if (v.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration such as 10s, 1500ms or 2m");
    }
  }
}
