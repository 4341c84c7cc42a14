package fr.marstek.automation.testing;

import static fr.marstek.automation.units.Zone.PARIS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's result as Markdown: printed to stdout and written to {@code
 * target/benchmarks/<name>.md}, from where the numbers are copied into docs/BENCHMARKS.md.
 */
public final class BenchmarkReport {

  private final String title;
  private final List<String> lines = new ArrayList<>();

  public BenchmarkReport(String title) {
    this.title = title;
  }

  public BenchmarkReport paragraph(String text) {
    lines.add(text);
    lines.add("");
    return this;
  }

  public BenchmarkReport table(List<String> header, List<List<String>> rows) {
    lines.add("| " + String.join(" | ", header) + " |");
    lines.add("|" + "---|".repeat(header.size()));
    for (List<String> row : rows) {
      lines.add("| " + String.join(" | ", row) + " |");
    }
    lines.add("");
    return this;
  }

  public String markdown() {
    Runtime runtime = Runtime.getRuntime();
    String machine =
        "Machine: "
            + runtime.availableProcessors()
            + " cores, JDK "
            + Runtime.version()
            + ", "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", max heap "
            + runtime.maxMemory() / (1024 * 1024)
            + " MiB; run "
            + LocalDate.now(PARIS)
            + ".";
    return "## " + title + "\n\n" + machine + "\n\n" + String.join("\n", lines);
  }

  /** Prints the report and writes it to {@code target/benchmarks/<name>.md}. */
  public Path write(String name) {
    String text = markdown();
    System.out.println(text);
    Path file = Path.of("target", "benchmarks", name + ".md");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
