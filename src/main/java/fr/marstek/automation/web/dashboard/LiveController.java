package fr.marstek.automation.web.dashboard;

import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The Now page's event stream. */
@RestController
class LiveController {

  private final LiveUpdates updates;

  LiveController(LiveUpdates updates) {
    this.updates = updates;
  }

  @GetMapping(path = "/dashboard/events", produces = "text/event-stream")
  SseEmitter events(Locale locale) {
    return updates.subscribe(locale);
  }
}
