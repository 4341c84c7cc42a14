package fr.marstek.automation.web.dashboard;

import fr.marstek.automation.control.Automation;
import fr.marstek.automation.control.FleetObserver;
import fr.marstek.automation.device.Batteries;
import jakarta.servlet.http.HttpServletRequest;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's pages, rendered on the server by precompiled jte templates. */
@Controller
class DashboardPages {

  private final PageFactory pages;
  private final FleetNow now;
  private final FleetObserver observer;
  private final Automation automation;
  private final Batteries batteries;
  private final InstantSource clock;

  DashboardPages(
      PageFactory pages,
      FleetNow now,
      FleetObserver observer,
      Automation automation,
      Batteries batteries,
      InstantSource clock) {
    this.pages = pages;
    this.now = now;
    this.observer = observer;
    this.automation = automation;
    this.batteries = batteries;
    this.clock = clock;
  }

  @GetMapping("/")
  String now(HttpServletRequest request, Locale locale, Model model) {
    model.addAttribute("page", pages.page(request, locale, "/"));
    if (pages.locked(request)) {
      return "locked";
    }
    List<BatteryCard> cards = now.cards();
    TempoPanel tempo = now.tempo();
    model.addAttribute("cards", cards);
    model.addAttribute("tempo", tempo);
    model.addAttribute("summary", now.summary(cards, tempo));
    model.addAttribute("modes", List.of("AUTO", "AI", "MANUAL", "IDLE", "PASSIVE"));
    return "now";
  }

  @GetMapping("/plan")
  String plan(HttpServletRequest request, Locale locale, Model model) {
    if (pages.locked(request)) {
      return "redirect:/";
    }
    model.addAttribute("page", pages.page(request, locale, "/plan"));
    List<PlanRows> plans =
        PlanRows.of(observer.fleet(), automation, automation.plan(), clock.instant());
    model.addAttribute("plans", plans);
    model.addAttribute("chart", now.chart(plans));
    return "plan";
  }

  @GetMapping("/history")
  String history(HttpServletRequest request, Locale locale, Model model) {
    if (pages.locked(request)) {
      return "redirect:/";
    }
    model.addAttribute("page", pages.page(request, locale, "/history"));
    model.addAttribute("batteries", batteries.all().stream().map(b -> b.id().value()).toList());
    return "history";
  }

  @GetMapping("/savings")
  String savings(HttpServletRequest request, Locale locale, Model model) {
    if (pages.locked(request)) {
      return "redirect:/";
    }
    model.addAttribute("page", pages.page(request, locale, "/savings"));
    return "savings";
  }
}
