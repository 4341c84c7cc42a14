package fr.marstek.automation.web.api;

import static fr.marstek.automation.web.api.ApiTimes.paris;

import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.history.CommandRecord;
import fr.marstek.automation.history.HistoryQueries;
import fr.marstek.automation.history.ModeChange;
import fr.marstek.automation.history.Resolution;
import fr.marstek.automation.history.Series;
import fr.marstek.automation.history.SeriesPoint;
import fr.marstek.automation.units.PhraseFormat;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/history")
class HistoryController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final HistoryQueries queries;
  private final InstantSource clock;

  HistoryController(HistoryQueries queries, ObjectProvider<InstantSource> clock) {
    this.queries = queries;
    this.clock = clock.getIfAvailable(InstantSource::system);
  }

  record TelemetryView(
      String battery,
      OffsetDateTime from,
      OffsetDateTime to,
      Resolution resolution,
      List<SeriesPoint> points) {}

  record ModeView(
      String battery, OffsetDateTime at, String from, String to, String cause, String detail) {}

  record CommandView(
      String battery,
      OffsetDateTime at,
      String command,
      String cause,
      String outcome,
      String detail) {}

  @GetMapping("/telemetry")
  ResponseEntity<?> telemetry(
      @RequestParam(required = false) String battery,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String resolution,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Optional<BatteryId> id = battery(battery);
    TimeRange range = TimeRange.parse(from, to, clock.instant());
    Resolution chosen =
        resolution == null || resolution.isBlank()
            ? Resolution.forRange(range.from(), range.to())
            : resolution(resolution);
    Series series = queries.series(id, range.from(), range.to(), chosen);
    if (wantsCsv(format, accept)) {
      return csv(TelemetryCsv.of(series));
    }
    return ResponseEntity.ok(
        new TelemetryView(
            id.map(BatteryId::value).orElse("fleet"),
            paris(series.from()),
            paris(series.to()),
            series.resolution(),
            series.points()));
  }

  @GetMapping("/modes")
  ResponseEntity<?> modes(
      @RequestParam(required = false) String battery,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      Locale locale) {
    Optional<BatteryId> id = battery(battery);
    TimeRange range = TimeRange.parse(from, to, clock.instant());
    List<ModeView> modes =
        queries.modeChanges(id, range.from(), range.to()).stream()
            .map(m -> view(m, locale))
            .toList();
    return jsonOrCsv(
        modes,
        wantsCsv(format, accept),
        List.of("time", "battery", "from", "to", "cause", "detail"),
        m -> cells(m.at(), m.battery(), m.from(), m.to(), m.cause(), m.detail()));
  }

  @GetMapping("/commands")
  ResponseEntity<?> commands(
      @RequestParam(required = false) String battery,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      Locale locale) {
    Optional<BatteryId> id = battery(battery);
    TimeRange range = TimeRange.parse(from, to, clock.instant());
    List<CommandView> commands =
        queries.commands(id, range.from(), range.to()).stream().map(c -> view(c, locale)).toList();
    return jsonOrCsv(
        commands,
        wantsCsv(format, accept),
        List.of("time", "battery", "command", "cause", "outcome", "detail"),
        c -> cells(c.at(), c.battery(), c.command(), c.cause(), c.outcome(), c.detail()));
  }

  @ExceptionHandler(BadHistoryRequest.class)
  ResponseEntity<ProblemDetail> problem(BadHistoryRequest e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(
        e.status() == HttpStatus.NOT_FOUND ? "Unknown battery" : "Bad history request");
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private Optional<BatteryId> battery(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    BatteryId id;
    try {
      id = new BatteryId(text.trim());
    } catch (IllegalArgumentException e) {
      throw new BadHistoryRequest(
          HttpStatus.BAD_REQUEST, "battery=" + text + ": expected a battery number such as 1");
    }
    if (!queries.knows(id)) {
      throw new BadHistoryRequest(
          HttpStatus.NOT_FOUND,
          "battery " + id + " has no history; batteries with history: " + queries.batteries());
    }
    return Optional.of(id);
  }

  private static Resolution resolution(String text) {
    try {
      return Resolution.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadHistoryRequest(
          HttpStatus.BAD_REQUEST, "resolution=" + text + ": expected raw, hourly or daily");
    }
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.trim().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default ->
            throw new BadHistoryRequest(
                HttpStatus.BAD_REQUEST, "format=" + format + ": expected csv or json");
      };
    }
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }

  /** The rows as JSON, or as CSV when asked for: the header, then a line a row. */
  private static <T> ResponseEntity<?> jsonOrCsv(
      List<T> rows, boolean csv, List<String> header, Function<T, List<Object>> cells) {
    if (!csv) {
      return ResponseEntity.ok(rows);
    }
    StringBuilder text = new StringBuilder(Csv.row(header));
    rows.forEach(row -> text.append(Csv.row(cells.apply(row))));
    return csv(text.toString());
  }

  private static ResponseEntity<String> csv(String body) {
    return ResponseEntity.ok().contentType(CSV).body(body);
  }

  private static List<Object> cells(Object... values) {
    List<Object> cells = new ArrayList<>(values.length);
    java.util.Collections.addAll(cells, values);
    return cells;
  }

  private static ModeView view(ModeChange m, Locale locale) {
    return new ModeView(
        m.battery().value(),
        paris(m.at()),
        m.from().map(Enum::name).orElse(null),
        m.to().name(),
        m.cause().name(),
        m.detail().map(d -> PhraseFormat.messages().format(d, locale)).orElse(null));
  }

  private static CommandView view(CommandRecord c, Locale locale) {
    return new CommandView(
        c.battery().value(),
        paris(c.at()),
        PhraseFormat.messages().format(c.command(), locale),
        c.cause().name(),
        c.outcome().name(),
        c.detail().orElse(null));
  }
}
