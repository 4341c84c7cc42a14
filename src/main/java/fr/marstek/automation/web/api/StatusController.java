package fr.marstek.automation.web.api;

import static fr.marstek.automation.units.Zone.PARIS;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.config.ConfigurationWarnings;
import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.ControlStall;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.LeaseHealth;
import fr.marstek.automation.control.ModeName;
import fr.marstek.automation.control.ScheduleStep;
import fr.marstek.automation.device.Batteries;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.history.HistoryHealth;
import fr.marstek.automation.settings.Settings;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import fr.marstek.automation.units.Percent;
import fr.marstek.automation.units.PhraseFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views: health, battery status, the schedule ahead. */
@RestController
@Tag(name = "Status", description = "Service health, batteries and the schedule ahead")
class StatusController {

  private final FleetObserver observer;
  private final Automation automation;
  private final Batteries batteries;
  private final InstantSource clock;
  private final ObjectProvider<HistoryHealth> history;
  private final ObjectProvider<TempoPrices> prices;
  private final ObjectProvider<Settings> settings;
  private final ObjectProvider<ConfigurationWarnings> warnings;

  StatusController(
      FleetObserver observer,
      Automation automation,
      Batteries batteries,
      InstantSource clock,
      ObjectProvider<HistoryHealth> history,
      ObjectProvider<TempoPrices> prices,
      ObjectProvider<Settings> settings,
      ObjectProvider<ConfigurationWarnings> warnings) {
    this.warnings = warnings;
    this.prices = prices;
    this.observer = observer;
    this.automation = automation;
    this.batteries = batteries;
    this.clock = clock;
    this.history = history;
    this.settings = settings;
  }

  @GetMapping("/health")
  @Operation(
      summary =
          "200 while the service works (also while the history database is away: control goes"
              + " on), with each battery online or not, whether control is stalled and the"
              + " database's state; 503 when control is stopped or a battery's cycle is stalled")
  ResponseEntity<HealthView> health() {
    var views =
        observer.fleet().stream()
            .map(
                h ->
                    new HealthView.BatteryHealthView(
                        h.id().value(),
                        h.online(),
                        h.lastError().orElse(null),
                        requestsLastHour(h.id()),
                        observer.protocol(h.id())))
            .toList();
    var control = HealthView.Control.of(observer.stalls(), automation);
    boolean up = (observer.isRunning() || !observer.isAutoStartup()) && control.stalled().isEmpty();
    var body =
        new HealthView(
            up ? "UP" : "DOWN",
            batteries.isDemo(),
            automation.isPaused(),
            views,
            control,
            settings.stream().findFirst().map(Settings::storedRead).orElse(true),
            history.stream().findFirst().map(HealthView.Database::of).orElse(null),
            HealthView.Prices.of(
                prices.getIfAvailable(TempoPrices::defaults),
                LocalDate.ofInstant(clock.instant(), PARIS)),
            warnings());
    return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }

  private Integer requestsLastHour(BatteryId id) {
    return batteries
        .find(id)
        .map(BatteryPort::requestsLastHour)
        .filter(OptionalInt::isPresent)
        .map(OptionalInt::getAsInt)
        .orElse(null);
  }

  /** Demo mode first: a household that meant to configure its batteries must not miss it. */
  private List<String> warnings() {
    List<String> all = new ArrayList<>();
    if (batteries.isDemo()) {
      all.add(
          "demo mode: no BATTERY_X_IP is set, so simulated batteries are controlled, not yours"
              + " (set BATTERY_1_IP in .env, see .env.example)");
    }
    batteries.all().stream()
        .flatMap(b -> b.portMismatch().stream())
        .forEach(m -> all.add(m.describe()));
    warnings.ifAvailable(w -> all.addAll(w.warnings()));
    return all;
  }

  @GetMapping("/api/v1/batteries/status")
  @Operation(summary = "Every battery's last report and what control wants of it")
  FleetView status(Locale locale) {
    var views = observer.fleet().stream().map(h -> view(h, locale)).toList();
    return new FleetView(
        views, ApiTimes.paris(clock.instant()), batteries.isDemo(), automation.isPaused());
  }

  @GetMapping("/api/v1/batteries/{id}")
  @Operation(summary = "One battery's last report and what control wants of it")
  BatteryView battery(@PathVariable String id, Locale locale) {
    return view(known(id), locale);
  }

  @GetMapping("/api/v1/schedule")
  @Operation(summary = "What each battery will do over the next 24 h, and why")
  ScheduleView schedule(Locale locale) {
    var perBattery =
        observer.fleet().stream()
            .map(
                h ->
                    new ScheduleView.BatteryScheduleView(
                        h.id().value(),
                        automation.schedule(h.id(), socOf(h), Duration.ofHours(24)).stream()
                            .map(s -> ScheduleView.Step.of(s, locale))
                            .toList()))
            .toList();
    return new ScheduleView(ApiTimes.paris(clock.instant()), perBattery);
  }

  @GetMapping("/api/v1/plan")
  @Operation(summary = "The Tempo plan: per battery, per hour, what to do and why")
  PlanView plan(Locale locale) {
    return automation
        .plan()
        .map(p -> PlanView.of(p, locale))
        .orElseGet(() -> PlanView.none(ApiTimes.paris(clock.instant())));
  }

  private static Percent socOf(BatteryHealth h) {
    return h.lastStatus().map(s -> s.soc()).orElse(Percent.of(50));
  }

  private BatteryView view(BatteryHealth health, Locale locale) {
    return BatteryView.of(health, automation.view(health.id()), locale);
  }

  private BatteryHealth known(String id) {
    try {
      BatteryHealth h = observer.health(new BatteryId(id));
      if (h != null) {
        return h;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the 404 below, with the list of known ids
    }
    var ids = batteries.all().stream().map(b -> b.id().value()).toList();
    throw new ErrorResponseException(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No battery '" + id + "'. Known batteries: " + ids),
        null);
  }

  record FleetView(
      List<BatteryView> batteries,
      @JsonProperty("updated_at") OffsetDateTime updatedAt,
      boolean demo,
      @JsonProperty("automation_paused") boolean automationPaused) {}

  record HealthView(
      String status,
      boolean demo,
      @JsonProperty("automation_paused") boolean paused,
      List<BatteryHealthView> batteries,
      Control control,
      @JsonProperty("stored_settings_read") boolean storedSettingsRead,
      Database database,
      Prices prices,
      List<String> warnings) {
    /**
     * @param requestsLastHour requests sent to the battery in the last hour, retries included (the
     *     Open API client counts them; null where none are counted)
     * @param protocol {@code openapi} or {@code modbus}: how the battery is spoken to now ({@code
     *     modbus} after a silent Open API failed over to its {@code BATTERY_X_MODBUS_HOST})
     */
    record BatteryHealthView(
        String id,
        boolean online,
        String reason,
        @JsonProperty("requests_last_hour") Integer requestsLastHour,
        String protocol) {}

    /**
     * The newest Tempo price grid known, and whether it is more than six months old (a price change
     * since was probably missed: add it to TEMPO_PRICES).
     */
    record Prices(@JsonProperty("newest_grid") LocalDate newestGrid, boolean outdated) {
      static Prices of(TempoPrices prices, LocalDate today) {
        return new Prices(prices.newest().validFrom(), prices.isOutdatedOn(today));
      }
    }

    /**
     * STALLED when a battery's cycle has not ended for several poll intervals; the lease keeper
     * (which never holds control up) is OK, STALLED on a hung database call, or DATABASE_AWAY.
     */
    record Control(
        String status,
        List<Stall> stalled,
        Leases leases,
        @JsonProperty("stored_intent_read") boolean storedIntentRead) {
      record Stall(String battery, OffsetDateTime since, String reason) {}

      record Leases(String status, OffsetDateTime since, String error) {}

      static Control of(List<ControlStall> stalls, Automation automation) {
        var stalled =
            stalls.stream()
                .map(s -> new Stall(s.battery().value(), ApiTimes.paris(s.since()), s.reason()))
                .toList();
        LeaseHealth lease = automation.leaseHealth();
        Leases leases;
        if (lease.stalledSince().isPresent()) {
          leases = new Leases("STALLED", ApiTimes.paris(lease.stalledSince().get()), null);
        } else if (lease.databaseAwaySince().isPresent()) {
          leases =
              new Leases(
                  "DATABASE_AWAY",
                  ApiTimes.paris(lease.databaseAwaySince().get()),
                  lease.error().orElse(null));
        } else {
          leases = new Leases("OK", null, null);
        }
        return new Control(
            stalled.isEmpty() ? "OK" : "STALLED", stalled, leases, automation.storedIntentRead());
      }
    }

    /**
     * UP, or DOWN with since when: samples wait in memory ({@code pending} of {@code capacity}).
     */
    record Database(
        String status,
        @JsonProperty("failing_since") OffsetDateTime failingSince,
        String error,
        int pending,
        int capacity,
        long dropped) {
      static Database of(HistoryHealth h) {
        var failure = h.writeFailure();
        return new Database(
            failure.isPresent() ? "DOWN" : "UP",
            failure.map(f -> ApiTimes.paris(f.since())).orElse(null),
            failure.map(HistoryHealth.WriteFailure::error).orElse(null),
            h.pending(),
            h.capacity(),
            h.dropped());
      }
    }
  }

  record ScheduleView(
      @JsonProperty("generated_at") OffsetDateTime generatedAt,
      List<BatteryScheduleView> batteries) {
    record BatteryScheduleView(String id, List<Step> steps) {}

    record Step(OffsetDateTime from, OffsetDateTime to, String mode, String cause, String reason) {
      static Step of(ScheduleStep s, Locale locale) {
        return new Step(
            ApiTimes.paris(s.from()),
            ApiTimes.paris(s.to()),
            ModeName.of(s.state().intent()).name(),
            s.state().cause().name(),
            PhraseFormat.messages().format(s.state().reason(), locale));
      }
    }
  }
}
