package fr.marstek.automation.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Adds the working directory's {@code .env} file (path in {@code DOTENV_FILE}) just below the real
 * environment, so a variable set in the shell wins over the file. {@code DOTENV_FILE=none} reads no
 * file; a file named in {@code DOTENV_FILE} that does not exist stops start-up, and so does a line
 * that is not {@code NAME=value}, reported like any other configuration mistake (its value masked,
 * as it may be a secret written with the wrong separator).
 */
final class DotEnvFile implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "dotenvFile";
  static final String NONE = "none";

  /**
   * The entry syntax of dotenv-java's (internal) {@code DotenvParser}, copied so that every line it
   * would drop can be reported with its number; dotenv-java itself only says "Malformed entry".
   */
  private static final Pattern ENTRY =
      Pattern.compile("^\\s*([\\w.\\-]+)\\s*(=)\\s*(['][^']*[']|[\"][^\"]*[\"]|[^#]*)?\\s*(#.*)?$");

  private static final Pattern LEADING_NAME = Pattern.compile("^\\s*(?:export\\s+)?([\\w.\\-]+)");

  private static final Pattern SEPARATOR = Pattern.compile("\\s*[:=]?\\s*");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String named = environment.getProperty("DOTENV_FILE");
    if (named != null && named.trim().equalsIgnoreCase(NONE)) {
      return;
    }
    boolean explicit = named != null && !named.isBlank();
    Path path = Path.of(explicit ? named.trim() : ".env").toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      if (explicit) {
        throw new InvalidConfiguration(
            List.of(
                "DOTENV_FILE="
                    + named.trim()
                    + ": expected an existing file, but "
                    + path
                    + " does not exist (correct the path, or set DOTENV_FILE=none to read no"
                    + " .env file)"));
      }
      return;
    }
    List<String> problems = malformedLines(path);
    if (!problems.isEmpty()) {
      throw new InvalidConfiguration(problems);
    }
    Dotenv dotenv =
        Dotenv.configure()
            .directory(path.getParent() == null ? "." : path.getParent().toString())
            .filename(path.getFileName().toString())
            .load();
    Map<String, Object> entries = new LinkedHashMap<>();
    for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
      entries.put(entry.getKey(), entry.getValue());
    }
    if (entries.isEmpty()) {
      return;
    }
    var source = new SystemEnvironmentPropertySource(SOURCE_NAME, entries);
    var sources = environment.getPropertySources();
    if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
      sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
    } else {
      sources.addLast(source);
    }
  }

  /** One line per entry dotenv-java would refuse: where, what (masked) and how to write it. */
  static List<String> malformedLines(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()
          || line.startsWith("#")
          || line.startsWith("////")
          || ENTRY.matcher(line).matches()) {
        continue;
      }
      problems.add(
          path + ":" + (i + 1) + ": " + masked(line) + ": expected NAME=value" + hint(line));
    }
    return problems;
  }

  /** The name a user meant, if the line starts with one; the rest, possibly a secret, masked. */
  private static String masked(String line) {
    Matcher name = LEADING_NAME.matcher(line);
    if (name.find()) {
      // the separator the user wrote (': ' or ' ') is shown, the value after it never is
      Matcher separator = SEPARATOR.matcher(line).region(name.end(), line.length());
      if (separator.lookingAt()) {
        String rest = line.substring(separator.end());
        return name.group(1) + separator.group() + (rest.isEmpty() ? "" : Secrets.mask(rest));
      }
    }
    return Secrets.mask(line);
  }

  private static String hint(String line) {
    Matcher name = LEADING_NAME.matcher(line);
    if (!name.find()) {
      return " (a line that is neither a setting nor a # comment)";
    }
    return " (write " + name.group(1) + "=... with '=' and no ':', or start the line with #)";
  }
}
