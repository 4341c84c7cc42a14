package fr.marstek.automation.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service started by a test, with the settings every service test shares (in {@code
 * service-test.properties}: no {@code .env} file, the SQLite history, a known API token, short gaps
 * and timeouts for the loopback simulators, the shortest poll interval); {@link #properties()} adds
 * the test's own or overrides them ({@code NAME=} with nothing after it means "unset", so the
 * product's default).
 *
 * <p>The context is closed after the class ({@link DirtiesContext}): nearly every service test
 * starts its own peers (simulators, brokers, servers) on free ports and stops them after its last
 * test, and a cached context would keep polling them for the rest of the test JVM's life.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@TestPropertySource(locations = "classpath:service-test.properties")
@DirtiesContext
public @interface ServiceTest {

  /** The API token of {@code service-test.properties}, for requests that need one. */
  String TOKEN = "test-token-0123456789abcdef";

  /** {@code RANDOM_PORT} unless the test has no use for the HTTP port. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
  WebEnvironment webEnvironment() default WebEnvironment.RANDOM_PORT;

  /** The test's own settings, {@code NAME=value}; they win over the shared ones. */
  @AliasFor(annotation = TestPropertySource.class, attribute = "properties")
  String[] properties() default {};
}
