package fr.marstek.automation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** One jar, several commands: {@code serve} (the default), {@code discover}, {@code simulate}... */
@SpringBootApplication
@EnableScheduling
public class MarstekAutomationApplication {

  public static void main(String[] args) {
    int code =
        Commands.run(
            args,
            springArgs -> SpringApplication.run(MarstekAutomationApplication.class, springArgs));
    if (code != Commands.SERVING) {
      System.exit(code);
    }
  }
}
