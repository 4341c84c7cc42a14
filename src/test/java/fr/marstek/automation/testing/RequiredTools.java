package fr.marstek.automation.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs, skips or fails a {@link RequiresTool} test depending on the machine and on {@code CI}. */
public final class RequiredTools implements ExecutionCondition {

  /** How to get each tool on Debian or Ubuntu; the README's test section says the same. */
  static final Map<String, String> INSTALL =
      Map.of(
          "apprise", "sudo apt-get install apprise",
          "chromium", "sudo apt-get install chromium chromium-driver",
          "chromedriver", "sudo apt-get install chromium chromium-driver");

  private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<RequiresTool> required =
        context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresTool.class));
    if (required.isEmpty()) {
      return ConditionEvaluationResult.enabled("no tool required");
    }
    ConditionEvaluationResult result =
        decide(List.of(required.get().value()), System.getenv("PATH"), System.getenv("CI"));
    String reason = result.getReason().orElse("");
    if (result.isDisabled() && TOLD.add(reason)) {
      System.err.println("SKIPPED " + context.getDisplayName() + ": " + reason);
    }
    return result;
  }

  /**
   * Enabled when every tool is on {@code path}; else disabled with how to install, or, under CI, a
   * failure (JUnit reports an exception thrown by a condition as the test's failure).
   */
  static ConditionEvaluationResult decide(List<String> tools, String path, String ci) {
    List<String> missing = new ArrayList<>();
    for (String tool : tools) {
      if (find(tool, path).isEmpty()) {
        missing.add(tool);
      }
    }
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("found " + tools);
    }
    String how =
        String.join(
            " and ",
            missing.stream().map(t -> INSTALL.getOrDefault(t, "install " + t)).distinct().toList());
    String message = "needs " + String.join(", ", missing) + " on PATH; install it: " + how;
    if ("true".equalsIgnoreCase(ci == null ? "" : ci.trim())) {
      throw new IllegalStateException(
          "CI=true and this test " + message + " (tests are skipped only on a developer machine)");
    }
    return ConditionEvaluationResult.disabled(message);
  }

  private static Optional<Path> find(String tool, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, tool);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
