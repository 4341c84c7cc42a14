package fr.marstek.automation;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.marstek.automation.control.Automation;
import fr.marstek.automation.units.Zone;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
   * calls Automation's overrides and pause directly, around the checks.
   */
  @Test
  void onlyControlChangesOverridesAndPause() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".control..")
        .should()
        .callMethodWhere(
            target(owner(assignableTo(Automation.class)))
                .and(
                    target(
                        name("override")
                            .or(name("clearOverride"))
                            .or(name("pause"))
                            .or(name("resume")))))
        .check(MAIN);
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
