package fr.marstek.automation.web.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The Now page's event stream. */
@RestController
class LiveController {

  private final LiveUpdates updates;
  private final PageFactory pages;

  LiveController(LiveUpdates updates, PageFactory pages) {
    this.updates = updates;
    this.pages = pages;
  }

  @GetMapping(path = "/dashboard/events", produces = "text/event-stream")
  SseEmitter events(Locale locale, HttpServletRequest request) {
    if (pages.locked(request)) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in on the dashboard first.");
    }
    return updates.subscribe(locale);
  }
}
