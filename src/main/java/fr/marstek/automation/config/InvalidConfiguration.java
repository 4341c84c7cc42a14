package fr.marstek.automation.config;

import java.util.List;

/** Start-up stops on this, with one line per mistake naming the variable and what is expected. */
public final class InvalidConfiguration extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidConfiguration(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
