package fr.marstek.automation.web.dashboard;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.control.CommandAnswer;
import fr.marstek.automation.control.CommandAnswer.Refusal;
import fr.marstek.automation.control.CommandAnswer.Refused;
import fr.marstek.automation.control.ControlCommand;
import fr.marstek.automation.control.ControlCommands;
import fr.marstek.automation.web.security.ApiToken;
import fr.marstek.automation.web.security.LoginAttempts;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
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
  private final ControlCommands commands;
  private final LoginAttempts attempts;

  DashboardActions(
      ApiToken token, DashboardSession session, ControlCommands commands, LoginAttempts attempts) {
    this.attempts = attempts;
    this.token = token;
    this.session = session;
    this.commands = commands;
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
    Optional<Instant> end;
    try {
      end = endOf(until);
    } catch (DateTimeException e) {
      return refused(flash, new Refused(Refusal.INVALID, e.getMessage()));
    }
    var command =
        new ControlCommand.Force(
            target(battery),
            mode,
            end,
            Optional.empty(),
            Optional.ofNullable(power),
            Optional.empty(),
            false);
    return rendered(commands.submit(command), flash, "override.done");
  }

  @PostMapping("/dashboard/clear")
  String clear(
      @RequestParam(defaultValue = "") String csrf,
      @RequestParam String battery,
      HttpServletRequest request,
      RedirectAttributes flash) {
    check(request, csrf);
    return rendered(
        commands.submit(new ControlCommand.ClearOverride(target(battery))), flash, "clear.done");
  }

  @PostMapping("/dashboard/pause")
  String pause(
      @RequestParam(defaultValue = "") String csrf,
      HttpServletRequest request,
      RedirectAttributes flash) {
    check(request, csrf);
    return rendered(commands.submit(new ControlCommand.Pause(true)), flash, "pause.done");
  }

  @PostMapping("/dashboard/resume")
  String resume(
      @RequestParam(defaultValue = "") String csrf,
      HttpServletRequest request,
      RedirectAttributes flash) {
    check(request, csrf);
    return rendered(commands.submit(new ControlCommand.Pause(false)), flash, "resume.done");
  }

  /** Control's answer as the page shows it: the catalogue's notice for done, else the refusal. */
  private static String rendered(CommandAnswer answer, RedirectAttributes flash, String doneKey) {
    return switch (answer) {
      case CommandAnswer.Accepted a -> {
        flash.addFlashAttribute("notice", doneKey);
        yield HOME;
      }
      case Refused r -> refused(flash, r);
    };
  }

  /**
   * A refusal as the page shows it: a message from the catalogue in the page's language, then the
   * detail where a person needs it to fix the form. An unknown battery is a broken form: 404.
   */
  private static String refused(RedirectAttributes flash, Refused refused) {
    String key =
        switch (refused.why()) {
          case UNKNOWN_BATTERY ->
              throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.detail());
          case INVALID -> "override.refused";
          case OFFLINE -> "override.offline";
          case SAFETY -> "override.safety";
        };
    flash.addFlashAttribute("problem", key);
    String detail = flashDetail(refused);
    if (!detail.isEmpty()) {
      flash.addFlashAttribute("problemDetail", detail);
    }
    return HOME;
  }

  /** What follows the catalogue's message: the cause of the refusal, never a second sentence. */
  static String flashDetail(Refused refused) {
    return switch (refused.why()) {
      case INVALID -> refused.detail();
      // "Battery 1 is offline (timeout): ..." -> "timeout", as the page showed before
      case OFFLINE -> between(refused.detail(), " (", "): ");
      case UNKNOWN_BATTERY, SAFETY -> "";
    };
  }

  private static String between(String text, String open, String close) {
    int a = text.indexOf(open);
    int b = text.lastIndexOf(close);
    return a >= 0 && b > a ? text.substring(a + open.length(), b) : text;
  }

  private void check(HttpServletRequest request, String csrf) {
    if (!session.allows(request, csrf)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Log in with the API token on the dashboard first.");
    }
  }

  private static Optional<String> target(String battery) {
    return "all".equals(battery) ? Optional.empty() : Optional.of(battery);
  }

  private static Optional<Instant> endOf(String until) {
    if (until == null || until.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(LocalDateTime.parse(until.trim()).atZone(PARIS).toInstant());
  }
}
