package fr.marstek.automation.settings;

import fr.marstek.automation.config.InvalidConfiguration;
import fr.marstek.automation.config.Secrets;
import fr.marstek.automation.config.SettingsChanged;
import fr.marstek.automation.config.SettingsRule;
import fr.marstek.automation.config.Variables;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The settings feature's API: what is in force and where it comes from, and changes that are
 * checked by every feature's reader on the would-be variables before anything is stored. A stored
 * change is announced with {@link SettingsChanged}; listeners run before the call returns.
 */
public class Settings {

  private static final Logger log = LoggerFactory.getLogger(Settings.class);

  private final ConfigurableEnvironment environment;
  private final StoredSettings stored;
  private final SettingsTable table;
  private final List<SettingsRule> rules;
  private final ApplicationEventPublisher events;
  private final InstantSource clock;
  private final Supplier<String> liveNotificationUrls;
  private volatile boolean storedRead = true;

  Settings(
      ConfigurableEnvironment environment,
      SettingsTable table,
      List<SettingsRule> rules,
      ApplicationEventPublisher events,
      InstantSource clock,
      Supplier<String> liveNotificationUrls) {
    this.environment = environment;
    this.stored = StoredSettings.in(environment);
    this.table = table;
    this.rules = List.copyOf(rules);
    this.events = events;
    this.clock = clock;
    this.liveNotificationUrls = liveNotificationUrls;
  }

  /** False while the stored settings could not be read (the database was away at start-up). */
  public boolean storedRead() {
    return storedRead;
  }

  void storedRead(boolean read) {
    storedRead = read;
  }

  /** Every page setting with its effective value (secrets masked) and its source. */
  public List<SettingValue> current() {
    Map<String, String> env = StoredSettings.environmentOnly(environment);
    Map<String, String> saved = stored.values();
    List<SettingValue> values = new ArrayList<>();
    for (SettingField field : SettingField.ALL) {
      String fromEnv = env.getOrDefault(field.name(), "").trim();
      SettingSource source;
      String value;
      if (saved.containsKey(field.name())) {
        source = SettingSource.STORED;
        value = saved.get(field.name()).trim();
      } else if (!fromEnv.isEmpty()) {
        source = SettingSource.ENV;
        value = fromEnv;
      } else {
        source = SettingSource.DEFAULT;
        value = field.defaultValue();
      }
      if (field.secret()) {
        value = value.isEmpty() ? "" : liveNotificationUrls.get();
        fromEnv = fromEnv.isEmpty() ? "" : Secrets.mask(fromEnv);
      }
      values.add(new SettingValue(field, value, source, fromEnv));
    }
    return values;
  }

  /**
   * Stores the given values (a blank one means "unset", overriding the environment) if every
   * feature accepts them all; else stores nothing.
   *
   * @throws SettingsRejected with every problem found
   */
  public synchronized void change(Map<String, String> changes) {
    Map<String, String> clean = new LinkedHashMap<>();
    List<SettingProblem> problems = new ArrayList<>();
    changes.forEach(
        (name, value) -> {
          if (SettingField.named(name).isEmpty()) {
            problems.add(
                new SettingProblem(
                    Optional.empty(),
                    name
                        + " cannot be changed here: the settings are "
                        + String.join(", ", SettingField.names())
                        + "; set other variables in .env"));
          } else {
            clean.put(name, value == null ? "" : value.trim());
          }
        });
    if (clean.isEmpty() && problems.isEmpty()) {
      problems.add(new SettingProblem(Optional.empty(), "No setting given: send NAME: value"));
    }
    Map<String, String> overlay = effective();
    overlay.putAll(clean);
    problems.addAll(check(overlay));
    if (!problems.isEmpty()) {
      throw new SettingsRejected(problems);
    }
    table.save(clean, clock.instant());
    clean.forEach(stored::put);
    log.info("Settings changed on the page or API: {}", clean.keySet());
    events.publishEvent(new SettingsChanged(clean.keySet()));
  }

  /**
   * Forgets the stored value, so the environment's (or the default) applies again.
   *
   * @throws SettingsRejected when the name is not a page setting or the environment's value is
   *     wrong
   */
  public synchronized void reset(String name) {
    if (SettingField.named(name).isEmpty()) {
      throw new SettingsRejected(
          List.of(
              new SettingProblem(
                  Optional.empty(),
                  name
                      + " is not a setting of this page: "
                      + String.join(", ", SettingField.names()))));
    }
    Map<String, String> overlay = effective();
    overlay.remove(name);
    String fromEnv = StoredSettings.environmentOnly(environment).get(name);
    if (fromEnv != null) {
      overlay.put(name, fromEnv);
    }
    List<SettingProblem> problems = check(overlay);
    if (!problems.isEmpty()) {
      throw new SettingsRejected(problems);
    }
    table.delete(name);
    stored.remove(name);
    log.info("Setting {} back to the environment's value", name);
    events.publishEvent(new SettingsChanged(java.util.Set.of(name)));
  }

  /** The variables in force now: the environment with the stored settings over it. */
  private Map<String, String> effective() {
    Map<String, String> values = new HashMap<>(StoredSettings.environmentOnly(environment));
    values.putAll(stored.values());
    return values;
  }

  private List<SettingProblem> check(Map<String, String> values) {
    Variables variables = new Variables(values);
    List<String> messages = new ArrayList<>();
    for (SettingsRule rule : rules) {
      try {
        rule.read(variables);
      } catch (InvalidConfiguration e) {
        messages.addAll(e.problems());
      }
    }
    messages.addAll(0, variables.problems());
    return messages.stream().distinct().map(SettingProblem::of).toList();
  }
}
