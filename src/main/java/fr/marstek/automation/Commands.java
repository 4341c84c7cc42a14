package fr.marstek.automation;

import fr.marstek.automation.device.marstek.discovery.DiscoverCommand;
import fr.marstek.automation.replay.ReplayCommand;
import fr.marstek.automation.simulator.SimulateCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The jar's command line: one picocli parent whose commands are {@code serve} (the default), and
 * the tools {@code discover}, {@code simulate} and {@code replay}. Help and version are answered
 * before Spring starts, so that they print and exit without opening a port or creating a file.
 */
@Command(
    name = "marstek-automation",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = Commands.Version.class,
    description = {
      "Drives Marstek Venus E batteries on the EDF Tempo tariff.",
      "With no command, or with only Spring options such as --server.port=9000, serves."
    })
final class Commands implements Callable<Integer> {

  /** The exit code that means: the service was started and keeps running. */
  static final int SERVING = -1;

  private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  private Commands() {}

  @Override
  public Integer call() {
    return 0; // not reached: a bare command line is turned into "serve" before parsing
  }

  /** {@code serve}: runs the service; arguments it does not know go to Spring Boot. */
  @Command(
      name = "serve",
      description = {
        "Runs the service: reads .env (DOTENV_FILE), controls the batteries, serves the dashboard"
            + " and the API on SERVER_PORT (default 8000).",
        "Other arguments go to Spring Boot, e.g. --server.port=9000 or --DOTENV_FILE=/etc/m.env."
      })
  static final class Serve implements Callable<Integer> {

    @CommandLine.Unmatched private List<String> springArguments = new ArrayList<>();

    private final Consumer<String[]> start;

    Serve(Consumer<String[]> start) {
      this.start = start;
    }

    @Override
    public Integer call() {
      try {
        start.accept(springArguments.toArray(String[]::new));
        return SERVING;
      } catch (RuntimeException e) {
        // Tested here rather than caught by its type: the JVM's verifier loads a caught type as
        // soon as this class is loaded, by every command line, and finding Spring Boot's class
        // opened 16 of the jar's nested libraries before a replay could start.
        if (e instanceof SpringApplication.AbandonedRunException) {
          return 0; // asked for (spring.context.exit=onRefresh, the image's AOT training run)
        }
        // Spring Boot has already printed the failure report (what, why, how to fix); picocli
        // would print the same failure again as a stack trace.
        return 1;
      }
    }
  }

  /** The version written in the jar's manifest by Maven, or say that this is not a packaged jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Commands.class.getPackage().getImplementationVersion();
      return new String[] {
        "marstek-automation "
            + (version == null ? "(development build, not a packaged jar)" : version),
        "Java " + Runtime.version()
      };
    }
  }

  /** Runs the command line; returns the exit code, or {@link #SERVING}. */
  static int run(String[] args, Consumer<String[]> startService) {
    return run(args, System.out, System.err, startService);
  }

  static int run(String[] args, PrintStream out, PrintStream err, Consumer<String[]> startService) {
    // picocli looks for Groovy's closure class when it first creates a command; the class is in
    // none of the jar's libraries, so Spring Boot's class loader opened all 117 of them to find
    // out (a third of a replay's start-up). Our commands use no Groovy.
    System.setProperty("picocli.disable.closures", "true");
    var outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    var errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine commandLine =
        new CommandLine(new Commands())
            .addSubcommand(new Serve(startService))
            .addSubcommand(new DiscoverCommand())
            .addSubcommand(SimulateCommand.untilStopped(outWriter))
            .addSubcommand(new ReplayCommand())
            .setOut(outWriter)
            .setErr(errWriter);
    return commandLine.execute(withCommand(args));
  }

  /** No command, or only Spring options: serve, as the jar always did. */
  static String[] withCommand(String[] args) {
    if (args.length == 0 || (args[0].startsWith("-") && !OWN_OPTIONS.contains(args[0]))) {
      String[] served = new String[args.length + 1];
      served[0] = "serve";
      System.arraycopy(args, 0, served, 1, args.length);
      return served;
    }
    return args;
  }
}
