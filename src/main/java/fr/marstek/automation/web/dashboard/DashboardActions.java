package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.BatteryHealth;
import fr.marstek.automation.control.ControlSettings;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.control.Intent;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.web.api.ModeRequest;
import fr.marstek.automation.web.api.ModeRequests;
import fr.marstek.automation.web.security.ApiToken;
import fr.marstek.automation.web.security.LoginAttempts;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Now page's forms: log in with the API token, force a mode, return to the schedule, pause and
 * resume. Each change needs a logged-in session and its form token; the answer is a redirect.
 */
@Controller
class DashboardActions {

  private static final String HOME = "redirect:/";

  private final ApiToken token;
  private final DashboardSession session;
  private final Automation automation;
  private final FleetObserver observer;
  private final InstantSource clock;
  private final LoginAttempts attempts;

  DashboardActions(
      ApiToken token,
      DashboardSession session,
      Automation automation,
      FleetObserver observer,
      InstantSource clock,
      LoginAttempts attempts) {
    this.attempts = attempts;
    this.token = token;
    this.session = session;
    this.automation = automation;
    this.observer = observer;
    this.clock = clock;
  }

  @PostMapping("/login")
  String logIn(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String back,
      HttpServletRequest request,
      RedirectAttributes flash) {
    String address = request.getRemoteAddr();
    var wait = attempts.waitFor(address);
    if (wait.isPresent()) {
      var refused =
          new ErrorResponseException(
              HttpStatus.TOO_MANY_REQUESTS,
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.TOO_MANY_REQUESTS,
                  "Too many wrong tokens from this address: try again in "
                      + (wait.get().toMinutes() + 1)
                      + " minutes."),
              null);
      refused.getHeaders().set("Retry-After", String.valueOf(wait.get().toSeconds() + 1));
      throw refused;
    }
    // Only our own pages: never an address given by the form (open redirect).
    String after = "/settings".equals(back) ? "redirect:/settings" : HOME;
    if (!this.token.matches(token.trim())) {
      attempts.failed(address);
      flash.addFlashAttribute("problem", "login.wrong");
      return after;
    }
    attempts.succeeded(address);
    session.logIn(request);
    flash.addFlashAttribute("notice", "login.done");
    return after;
  }

  @PostMapping("/logout")
  String logOut(@RequestParam(defaultValue = "") String csrf, HttpServletRequest request) {
    check(request, csrf);
    session.logOut(request);
    return HOME;
  }

  @PostMapping("/dashboard/override")
  String override(
      @RequestParam(defaultValue = "") String csrf,
      @RequestParam String battery,
      @RequestParam String mode,
      @RequestParam(required = false) String until,
      @RequestParam(required = false) Integer power,
      HttpServletRequest request,
      RedirectAttributes flash) {
    check(request, csrf);
    Optional<BatteryId> target = "all".equals(battery) ? Optional.empty() : known(battery);
    if (target.isPresent()) {
      BatteryHealth health = observer.health(target.get());
      if (!health.online()) {
        flash.addFlashAttribute("problem", "override.offline");
        flash.addFlashAttribute("problemDetail", health.lastError().orElse(""));
        return HOME;
      }
    }
    try {
      Instant now = clock.instant();
      var asked = new ModeRequest(mode, endOf(until), null, power, null, false);
      ControlSettings settings = automation.settings();
      Instant end = ModeRequests.until(asked, now, settings.schedule().nextChange(now));
      var limits = target.map(settings::limitsFor).orElse(settings.defaults());
      Intent intent = ModeRequests.intent(asked, limits, end);
      automation.override(target, intent, end, false);
    } catch (ModeRequests.BadRequest | DateTimeException e) {
      flash.addFlashAttribute("problem", "override.refused");
      flash.addFlashAttribute("problemDetail", e.getMessage());
      return HOME;
    }
    flash.addFlashAttribute("notice", "override.done");
    return HOME;
  }

  @PostMapping("/dashboard/clear")
  String clear(
      @RequestParam(defaultValue = "") String csrf,
      @RequestParam String battery,
      HttpServletRequest request,
      RedirectAttributes flash) {
    check(request, csrf);
    if ("all".equals(battery)) {
      // every override, the fleet's and each battery's own
      automation.overrides().forEach(o -> automation.clearOverride(o.battery()));
    } else {
      automation.clearOverride(known(battery));
    }
    flash.addFlashAttribute("notice", "clear.done");
    return HOME;
  }

  @PostMapping("/dashboard/pause")
  String pause(
      @RequestParam(defaultValue = "") String csrf,
      HttpServletRequest request,
      RedirectAttributes flash) {
    check(request, csrf);
    automation.pause();
    flash.addFlashAttribute("notice", "pause.done");
    return HOME;
  }

  @PostMapping("/dashboard/resume")
  String resume(
      @RequestParam(defaultValue = "") String csrf,
      HttpServletRequest request,
      RedirectAttributes flash) {
    check(request, csrf);
    automation.resume();
    flash.addFlashAttribute("notice", "resume.done");
    return HOME;
  }

  private void check(HttpServletRequest request, String csrf) {
    if (!session.allows(request, csrf)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Log in with the API token on the dashboard first.");
    }
  }

  private Optional<BatteryId> known(String id) {
    try {
      BatteryId battery = new BatteryId(id);
      if (observer.health(battery) != null) {
        return Optional.of(battery);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No battery '" + id + "'");
  }

  private static OffsetDateTime endOf(String until) {
    if (until == null || until.isBlank()) {
      return null;
    }
    return LocalDateTime.parse(until.trim()).atZone(Texts.PARIS).toOffsetDateTime();
  }
}
