package fr.marstek.automation.web.dashboard;

import static fr.marstek.automation.units.Zone.PARIS;

import fr.marstek.automation.notify.DeliveryResult;
import fr.marstek.automation.notify.Notifications;
import fr.marstek.automation.settings.SettingProblem;
import fr.marstek.automation.settings.SettingValue;
import fr.marstek.automation.settings.Settings;
import fr.marstek.automation.settings.SettingsRejected;
import fr.marstek.automation.tariff.tempo.TempoPrices;
import jakarta.servlet.http.HttpServletRequest;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Settings page: anyone who may read the dashboard sees the values; changing them needs a
 * logged-in session and its form token. A refused change is shown again with each message next to
 * its field, and nothing is stored. The page answers 200 even then (the browser shows the form
 * again; the API answers 400).
 */
@Controller
class SettingsPage {

  private static final String SELF = "redirect:/settings";
  private static final String NOTIFICATION_URLS = "NOTIFICATION_URLS";
  private static final Map<String, List<String>> CHOICES =
      Map.of("STRATEGY", List.of("tempo", "fixed"), "TEMPO_ENABLED", List.of("true", "false"));

  private final PageFactory pages;
  private final DashboardSession session;
  private final Settings settings;
  private final Notifications notifications;
  private final ObjectProvider<TempoPrices> prices;
  private final InstantSource clock;

  SettingsPage(
      PageFactory pages,
      DashboardSession session,
      Settings settings,
      Notifications notifications,
      ObjectProvider<TempoPrices> prices,
      InstantSource clock) {
    this.prices = prices;
    this.clock = clock;
    this.pages = pages;
    this.session = session;
    this.settings = settings;
    this.notifications = notifications;
  }

  @GetMapping("/settings")
  String show(HttpServletRequest request, Locale locale, Model model) {
    if (pages.locked(request)) {
      return "redirect:/";
    }
    return render(request, locale, model, Map.of(), List.of());
  }

  @PostMapping("/settings")
  String change(
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      Locale locale,
      Model model,
      RedirectAttributes flash) {
    check(request, form.get("csrf"));
    Map<String, String> changes = new LinkedHashMap<>();
    for (SettingValue current : settings.current()) {
      String typed = form.get(current.name());
      if (typed != null && !current.field().secret() && !typed.trim().equals(current.value())) {
        changes.put(current.name(), typed.trim());
      }
    }
    return store(changes, form, request, locale, model, flash);
  }

  @PostMapping("/settings/notifications")
  String changeUrls(
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      Locale locale,
      Model model,
      RedirectAttributes flash) {
    check(request, form.get("csrf"));
    String urls = form.getOrDefault(NOTIFICATION_URLS, "").trim();
    return store(Map.of(NOTIFICATION_URLS, urls), form, request, locale, model, flash);
  }

  @PostMapping("/settings/reset")
  String reset(
      @RequestParam(defaultValue = "") String csrf,
      @RequestParam(defaultValue = "") String reset,
      HttpServletRequest request,
      RedirectAttributes flash) {
    check(request, csrf); // before any field is read: a forged form learns nothing
    try {
      settings.reset(reset);
    } catch (SettingsRejected e) {
      // Not a field the page offers: only a hand-made request gets here; say so on the page.
      flash.addFlashAttribute("problem", "settings.reset.refused");
      String detail = e.getMessage();
      flash.addFlashAttribute(
          "problemDetail", detail.length() > 300 ? detail.substring(0, 300) + "…" : detail);
      return SELF;
    }
    flash.addFlashAttribute("notice", "settings.reset");
    flash.addFlashAttribute("noticeDetail", reset);
    return SELF;
  }

  @PostMapping("/settings/notifications/test")
  String test(
      @RequestParam(defaultValue = "") String csrf,
      HttpServletRequest request,
      Locale locale,
      RedirectAttributes flash) {
    check(request, csrf);
    List<DeliveryResult> results = notifications.sendTest();
    if (results.isEmpty()) {
      flash.addFlashAttribute("problem", "settings.test.none");
      return SELF;
    }
    // A channel's failure reason stays as the channel gave it (operator text, like the logs).
    String delivered = pages.texts(locale).lookup("settings.test.delivered");
    String detail =
        results.stream()
            .map(r -> r.url().text() + ": " + (r.delivered() ? delivered : r.detail()))
            .collect(Collectors.joining(" · "));
    boolean all = results.stream().allMatch(DeliveryResult::delivered);
    flash.addFlashAttribute(
        all ? "notice" : "problem", all ? "settings.test.sent" : "settings.test.failed");
    flash.addFlashAttribute(all ? "noticeDetail" : "problemDetail", detail);
    return SELF;
  }

  private String store(
      Map<String, String> changes,
      Map<String, String> form,
      HttpServletRequest request,
      Locale locale,
      Model model,
      RedirectAttributes flash) {
    if (changes.isEmpty()) {
      flash.addFlashAttribute("notice", "settings.unchanged");
      return SELF;
    }
    try {
      settings.change(changes);
    } catch (SettingsRejected e) {
      return render(request, locale, model, form, e.problems());
    }
    flash.addFlashAttribute("notice", "settings.saved");
    flash.addFlashAttribute("noticeDetail", String.join(", ", changes.keySet()));
    return SELF;
  }

  private String render(
      HttpServletRequest request,
      Locale locale,
      Model model,
      Map<String, String> typed,
      List<SettingProblem> problems) {
    Page page = pages.page(request, locale, "/settings");
    List<SettingRow> rows = new ArrayList<>();
    String urls = "";
    SettingRow urlRow = null;
    for (SettingValue value : settings.current()) {
      String problem =
          problems.stream()
              .filter(p -> p.name().equals(Optional.of(value.name())))
              .map(SettingProblem::message)
              .collect(Collectors.joining(" "));
      String shown = value.field().secret() ? "" : typed.getOrDefault(value.name(), value.value());
      var row =
          new SettingRow(
              value.name(),
              shown,
              value.source().name().toLowerCase(Locale.ROOT),
              value.envValue(),
              value.field().appliedNow(),
              CHOICES.getOrDefault(value.name(), List.of()),
              problem);
      if (value.field().secret()) {
        urlRow = row;
        urls = value.value();
      } else {
        rows.add(row);
      }
    }
    String general =
        problems.stream()
            .filter(p -> p.name().isEmpty())
            .map(SettingProblem::message)
            .collect(Collectors.joining(" "));
    if (!problems.isEmpty()) {
      page = page.withProblem(page.t().lookup("settings.refused") + " " + general);
    }
    model.addAttribute("page", page);
    model.addAttribute("rows", rows);
    model.addAttribute("urlRow", urlRow);
    model.addAttribute("urls", urls.isEmpty() ? List.of() : List.of(urls.split(", ")));
    model.addAttribute("typedUrls", typed.getOrDefault(NOTIFICATION_URLS, ""));
    model.addAttribute("pricesOutdated", outdatedGrid().orElse(null));
    return "settings";
  }

  /** The newest known price grid's first day, when it is more than six months old. */
  private Optional<String> outdatedGrid() {
    TempoPrices known = prices.getIfAvailable(TempoPrices::defaults);
    LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
    return known.isOutdatedOn(today)
        ? Optional.of(known.newest().validFrom().toString())
        : Optional.empty();
  }

  private void check(HttpServletRequest request, String csrf) {
    if (!session.allows(request, csrf)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Log in with the API token on the dashboard first.");
    }
  }
}
