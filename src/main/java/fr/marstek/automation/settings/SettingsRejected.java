package fr.marstek.automation.settings;

import java.util.List;
import java.util.stream.Collectors;

/** A change that was not stored, with every reason. */
public final class SettingsRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<SettingProblem> problems;

  SettingsRejected(List<SettingProblem> problems) {
    super(problems.stream().map(SettingProblem::message).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<SettingProblem> problems() {
    return problems;
  }
}
