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
    SpringApplication.run(MarstekAutomationApplication.class, args);
  }
}
