package fr.marstek.automation.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives a command of the machine (Debian's {@code apprise}, {@code chromium}, {@code
 * chromedriver}). Without it the test is skipped on a developer machine, with one line saying how
 * to install it, and fails under CI ({@code CI=true}) so that nothing is hidden there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiredTools.class)
public @interface RequiresTool {

  /** Command names looked up on {@code PATH}. */
  String[] value();
}
