package fr.marstek.automation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** One jar, several commands: no argument serves; {@code discover}, {@code simulate} are tools. */
@SpringBootApplication
@EnableScheduling
public class MarstekAutomationApplication {

  public static void main(String[] args) {
    if (Commands.isToolCommand(args)) {
      System.exit(Commands.run(args));
    }
    boolean serve = args.length > 0 && args[0].equals("serve");
    SpringApplication.run(
        MarstekAutomationApplication.class,
        serve ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
  }
}
