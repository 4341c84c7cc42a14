package fr.marstek.automation.control;

import fr.marstek.automation.config.VariableSource;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.planning.LoadHistory;
import fr.marstek.automation.planning.Planner;
import fr.marstek.automation.planning.Strategy;
import fr.marstek.automation.tariff.Tariff;
import fr.marstek.automation.tariff.tempo.TempoColours;
import fr.marstek.automation.tariff.tempo.TempoDays;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.tariff.tempo.TempoSeason;
import java.time.InstantSource;
import java.util.OptionalDouble;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * Reads control's settings at start-up (a mistake stops start-up with a clear message) and again
 * when the household changes them.
 */
@Configuration(proxyBeanMethods = false)
class ControlConfiguration {

  @Bean
  ControlLog controlLog() {
    return new ControlLog();
  }

  @Bean
  ControlSettings controlSettings(VariableSource source) {
    return source.read(ControlSettings::from);
  }

  @Bean
  ImportCapSettings importCapSettings(VariableSource source) {
    return source.read(ImportCapSettings::from);
  }

  @Bean
  ObserverSettings observerSettings(VariableSource source) {
    return source.read(ObserverSettings::from);
  }

  @Bean
  CycleHandle cycleHandle() {
    return new CycleHandle();
  }

  @Bean
  FleetObserver fleetObserver(
      Batteries batteries,
      ObserverSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      TaskScheduler scheduler,
      CycleHandle cycle) {
    return new FleetObserver(batteries, settings, events, clock, scheduler, cycle);
  }

  @Bean
  @DependsOnDatabaseInitialization
  ControlWiring controlWiring(
      Batteries batteries,
      ControlSettings settings,
      ApplicationEventPublisher events,
      InstantSource clock,
      DataSource dataSource,
      ObjectProvider<TempoColours> tempo,
      ObjectProvider<LoadHistory> loadHistory,
      ObjectProvider<TempoPrices> prices,
      ObserverSettings observer,
      ImportCapSettings importCap,
      FleetObserver fleetObserver,
      PeakHours peakHours,
      CycleHandle handle) {
    TempoColours colours = tempo.getIfUnique(() -> null);
    settings = usable(settings, colours);
    var plans =
        new PlanKeeper(
            Planner.of(Strategy.TEMPO),
            knowledgeFrom(colours),
            prices.getIfUnique(TempoPrices::defaults),
            loadHistory.getIfUnique(() -> hour -> OptionalDouble.empty()),
            settings,
            importCap);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    var leases =
        new BatteryLeases(jdbc, InstanceName.generate(), observer.interval().multipliedBy(3));
    var ids = batteries.all().stream().map(BatteryPort::id).toList();
    var parts =
        new ControlWiring.Parts(
            batteries,
            settings,
            new IntentStore(jdbc),
            plans,
            new LeaseKeeper(leases, ids, clock),
            SlotRecord.stored(jdbc),
            new ImportCapGrants(importCap, observer.interval()),
            peakHours);
    var wiring = ControlWiring.of(parts, fleetObserver.observation(), events, clock);
    handle.set(wiring.cycle());
    return wiring;
  }

  /** The live tariff's peak hours. */
  @Bean
  PeakHours peakHours(Tariff tariff) {
    return new PeakHours(tariff);
  }

  /** What the web, MQTT, metrics and notices read of control. */
  @Bean(destroyMethod = "releaseBatteries")
  Automation automation(ControlWiring wiring) {
    return wiring.queries();
  }

  /** Without Tempo colours a Tempo plan would assume the worst every day: keep the schedule. */
  static ControlSettings usable(ControlSettings settings, TempoColours colours) {
    if (settings.strategy() == ControlSettings.Strategy.TEMPO
        && (colours == null || !colours.enabled())) {
      return settings.withStrategy(ControlSettings.Strategy.FIXED);
    }
    return settings;
  }

  /** Hands settings changed at run time to the automation; the next cycle follows them. */
  @Bean
  ControlSettingsReload controlSettingsReload(
      VariableSource source, Automation automation, ObjectProvider<TempoColours> tempo) {
    return new ControlSettingsReload(source, automation, () -> tempo.getIfUnique(() -> null));
  }

  /** What the Tempo colour providers know; nothing when Tempo is off or not wired. */
  private static TempoKnowledge knowledgeFrom(TempoColours colours) {
    if (colours == null || !colours.enabled()) {
      return TempoKnowledge.nothingKnown();
    }
    return now -> colours.calendar(TempoSeason.of(TempoDays.tempoDayOf(now)));
  }
}
