package fr.marstek.automation;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.marstek.automation.tariff.tempo.TempoPriceGrid;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.units.Zone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The module rules. Spring Modulith checks the modules (top-level packages) and what each may use;
 * the ArchUnit rules below check what Modulith does not see: packages inside a module, names and
 * where the HTTP adapters live.
 */
class ModularityTest {

  private static final String ROOT = MarstekAutomationApplication.class.getPackageName();

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(ROOT);

  @Test
  void dependenciesPointTowardDeviceTariffAndPlanningNeverBack() {
    ApplicationModules.of(MarstekAutomationApplication.class).verify();
  }

  /** Modulith forbids cycles between modules; this forbids them between any two packages. */
  @Test
  void noPackageCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
  }

  /**
   * HTTP is an adapter of the web module: the JSON API under /api/v1 in {@code web.api}, the pages
   * and their live feed in {@code web.dashboard}; the other modules offer Java APIs only.
   */
  @Test
  void controllersLiveInTheWebModule() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .or()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestControllerAdvice.class)
        .or()
        .areAnnotatedWith(ControllerAdvice.class)
        .should()
        .resideInAnyPackage(ROOT + ".web.api", ROOT + ".web.dashboard")
        .check(MAIN);
  }

  /**
   * Control has one front door: adapters hand a command to ControlCommands, which checks it; none
   * changes overrides and pause around the checks (they live on a package-private class now, and
   * this keeps any public one from offering them).
   */
  @Test
  void onlyControlChangesOverridesAndPause() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".control..")
        .should()
        .callMethodWhere(
            target(
                    owner(
                        resideInAPackage(ROOT + ".control..")
                            .and(not(assignableTo(Record.class))))) // an answer's accessors
                .and(
                    target(
                        name("override")
                            .or(name("clearOverride"))
                            .or(name("pause"))
                            .or(name("resume")))))
        .check(MAIN);
  }

  /**
   * Control's named API, listed in its package-info: the front door, the queries, the events it
   * publishes and the values they carry. Nothing else of control is used by another module.
   */
  static final Set<String> CONTROL_API =
      Set.of(
          // the front door
          "ControlCommands",
          "ControlCommand",
          "CommandAnswer",
          "ModeName",
          // the queries and the values they answer
          "Automation",
          "FleetObserver",
          "BatteryOverview",
          "BatteryHealth",
          "ControlView",
          "ControlStall",
          "LeaseHealth",
          "ScheduleStep",
          "ModeOverride",
          "Intent",
          "DesiredState",
          "Cause",
          "ControlSettings",
          "OperatingSchedule",
          "SafetyLimits",
          "ImportCapSettings",
          "ObserverSettings",
          // the events, outward only
          "BatteryStatusObserved",
          "BatteryCameBack",
          "BatteryWentOffline",
          "BatteryProtocolSwitched",
          "ModeChanged",
          "CommandSent",
          "DesiredStateReached",
          "BatteryDrifted",
          "PassiveLeft",
          "ImportCapExceeded");

  @Test
  void otherModulesUseOnlyControlsNamedApi() {
    DescribedPredicate<JavaClass> internal =
        DescribedPredicate.describe(
            "control's internals (not in its named API)",
            c ->
                c.getPackageName().startsWith(ROOT + ".control")
                    && !CONTROL_API.contains(topLevel(c).getSimpleName()));
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".control..")
        .should()
        .dependOnClassesThat(internal)
        .check(MAIN);
  }

  /** The package-info lists the named API the rule above allows, no more and no less. */
  @Test
  void controlsPackageInfoListsItsNamedApi() throws Exception {
    String info =
        Files.readString(Path.of("src/main/java/fr/marstek/automation/control/package-info.java"));
    Set<String> listed = new TreeSet<>();
    Matcher links = Pattern.compile("\\{@link[\\s*]+(\\w+)}").matcher(info);
    while (links.find()) {
      listed.add(links.group(1));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(CONTROL_API);
  }

  private static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }

  /** A simple name means one thing: logs, stack traces and imports never need the package. */
  @Test
  void topLevelClassNamesAreUnique() {
    Map<String, TreeSet<String>> byName =
        MAIN.stream()
            .filter(JavaClass::isTopLevelClass)
            .filter(c -> !c.getSimpleName().equals("package-info"))
            .collect(
                groupingBy(
                    JavaClass::getSimpleName,
                    TreeMap::new,
                    mapping(JavaClass::getName, toCollection(TreeSet::new))));
    byName.values().removeIf(names -> names.size() < 2);
    assertThat(byName).isEmpty();
  }

  /**
   * Prices and periods are read through the {@code Tariff} port: outside the tariff module, only
   * replay (which scores a season's left-over energy at a Tempo price) still looks a price up in a
   * Tempo grid by colour. Showing a grid's six prices (its accessors) stays allowed.
   */
  @Test
  void pricesAreReadThroughTheTariffPort() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".tariff..", ROOT + ".replay..")
        .should()
        .callMethodWhere(
            target(owner(assignableTo(TempoPriceGrid.class)))
                .and(target(name("price").or(name("cheapestPeak")).or(name("cheapestOffPeak")))))
        .orShould()
        .callMethodWhere(
            target(owner(assignableTo(TempoPrices.class)))
                .and(target(name("gridOn").or(name("gridAt")))))
        .check(MAIN);
  }

  /**
   * Planning reads prices and periods through the {@code Tariff} port; what only Tempo adds for a
   * plan (the chances of an unpublished colour, the season's tally) sits behind one seam, {@code
   * planning.TempoOdds}, the only planning class that may use {@code tariff.tempo}.
   */
  @Test
  void planningKnowsTempoOnlyThroughOneSeam() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".planning..")
        .and()
        .haveNameNotMatching(".*\\.planning\\.TempoOdds(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".tariff.tempo..")
        .check(MAIN);
  }

  /**
   * The house's zone is named once, in {@link Zone}: a second {@code ZoneId.of("Europe/Paris")} (or
   * any other zone) would let two clocks of the service disagree.
   */
  @Test
  void onlyZoneNamesTheTimeZone() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(Zone.class)
        .should()
        .callMethodWhere(target(owner(assignableTo(ZoneId.class))).and(target(name("of"))))
        .check(MAIN);
  }
}
