package fr.marstek.automation;

import fr.marstek.automation.device.marstek.discovery.DiscoverCommand;
import fr.marstek.automation.replay.ReplayCommand;
import fr.marstek.automation.simulator.SimulateCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/** The jar's tool commands, dispatched before Spring starts so that they stay quick and quiet. */
final class Commands {

  private static final Map<String, ToIntFunction<String[]>> TOOLS = new LinkedHashMap<>();

  static {
    TOOLS.put("discover", DiscoverCommand::run);
    TOOLS.put("simulate", SimulateCommand::run);
    TOOLS.put("replay", ReplayCommand::run);
  }

  private Commands() {}

  static boolean isToolCommand(String[] args) {
    if (args.length == 0 || args[0].equals("serve")) {
      return false;
    }
    return !args[0].startsWith("-") || args[0].equals("--help") || args[0].equals("-h");
  }

  /** Runs a tool command and returns its exit code: 0 done, 2 usage error. */
  static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String name = args[0];
    if (name.equals("help") || name.equals("-h") || name.equals("--help")) {
      usage(out);
      return 0;
    }
    ToIntFunction<String[]> tool = TOOLS.get(name);
    if (tool == null) {
      err.println("Unknown command '" + name + "'.");
      usage(err);
      return 2;
    }
    return tool.applyAsInt(Arrays.copyOfRange(args, 1, args.length));
  }

  private static void usage(PrintStream out) {
    out.println(
        """
        Usage: java -jar marstek-automation.jar [COMMAND] [OPTIONS]

        Commands:
          serve      run the service (the default when no command is given)
          discover   find Marstek batteries on the LAN and print .env lines
          simulate   run simulated Venus-E batteries on 127.0.0.1 until stopped
          replay     replay Tempo seasons hour by hour through the planner

        Each command takes --help.""");
  }
}
