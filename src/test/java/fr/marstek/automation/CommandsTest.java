package fr.marstek.automation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.replay.ReplayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandsTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<List<String>> served = new ArrayList<>();

  private int run(String... args) {
    return Commands.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        springArgs -> served.add(List.of(springArgs)));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noArgumentOrOnlySpringOptionsServe() {
    assertThat(run()).isEqualTo(Commands.SERVING);
    assertThat(run("--server.port=9000", "--DOTENV_FILE=none")).isEqualTo(Commands.SERVING);
    assertThat(run("serve", "--debug")).isEqualTo(Commands.SERVING);

    assertThat(served)
        .containsExactly(
            List.of(), List.of("--server.port=9000", "--DOTENV_FILE=none"), List.of("--debug"));
  }

  @Test
  void helpListsEveryCommand() {
    int code = run("--help");

    assertThat(code).isZero();
    assertThat(out()).contains("serve", "discover", "simulate", "replay", "--version");
    assertThat(served).isEmpty();
  }

  @Test
  void serveHelpAndVersionPrintAndStartNothing() {
    assertThat(run("serve", "--help")).isZero();
    assertThat(out()).contains("Usage: marstek-automation serve", "SERVER_PORT");
    assertThat(run("serve", "--version")).isZero();
    assertThat(run("--version")).isZero();
    assertThat(run("-V")).isZero();

    assertThat(out()).contains("marstek-automation ", "Java ");
    assertThat(served).isEmpty();
  }

  @Test
  void anUnknownCommandPrintsUsageAndFails() {
    int code = run("fly");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("fly", "Usage");
    assertThat(served).isEmpty();
  }

  @Test
  void eachToolAnswersItsOwnHelpWithoutPicocliWarnings() {
    PrintStream realErr = System.err;
    var picocliWarnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
    try {
      assertThat(run("simulate", "--help")).isZero();
      assertThat(run("discover", "--help")).isZero();
      assertThat(run("replay", "--help")).isZero();
    } finally {
      System.setErr(realErr);
    }
    assertThat(picocliWarnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(out()).contains("Initial state of charge in % (default");
  }

  @Test
  void everyReplayOptionIsDescribed() {
    var options = new CommandLine(new ReplayCommand()).getCommandSpec().options();

    assertThat(options).hasSizeGreaterThan(15);
    assertThat(options)
        .allSatisfy(
            o -> assertThat(String.join(" ", o.description())).as(o.longestName()).isNotBlank());
  }

  @Test
  void replayRunsOnTheBuiltInColoursAndLoad() {
    PrintStream realOut = System.out;
    var printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = run("replay", "--strategy", "none,fixed");
    } finally {
      System.setOut(realOut);
    }

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("2 cases", "2022-2023");
  }
}
