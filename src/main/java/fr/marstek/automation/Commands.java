package fr.marstek.automation;

import java.util.Set;

/** The jar's tool commands, dispatched before Spring starts so that they stay quick and quiet. */
final class Commands {

  private static final Set<String> TOOLS = Set.of("discover", "simulate");

  private Commands() {}

  static boolean isToolCommand(String[] args) {
    return args.length > 0 && TOOLS.contains(args[0]);
  }

  static int run(String[] args) {
    throw new UnsupportedOperationException("not wired yet: " + args[0]);
  }
}
