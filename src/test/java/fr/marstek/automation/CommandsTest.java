package fr.marstek.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandsTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Commands.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void noArgumentOrServeStartsTheService() {
    assertThat(Commands.isToolCommand(new String[] {})).isFalse();
    assertThat(Commands.isToolCommand(new String[] {"serve", "--debug"})).isFalse();
    assertThat(Commands.isToolCommand(new String[] {"--server.port=9000"})).isFalse();
    assertThat(Commands.isToolCommand(new String[] {"discover"})).isTrue();
  }

  @Test
  void helpListsEveryCommand() {
    int code = run("--help");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("serve", "discover", "simulate", "replay");
  }

  @Test
  void anUnknownCommandPrintsUsageAndFails() {
    int code = run("fly");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'fly'", "Usage");
  }

  @Test
  void eachToolAnswersItsOwnHelp() {
    assertThat(run("simulate", "--help")).isZero();
    assertThat(run("discover", "--help")).isZero();
    assertThat(run("replay", "--help")).isZero();
  }
}
