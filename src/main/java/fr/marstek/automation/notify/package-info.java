/**
 * Tells the household what needs their attention (a battery offline, silent or reset, a mode that
 * did not take, tomorrow's red or white day, a night charge falling short, a failing Tempo source
 * or database) and sends daily and weekly summaries, on the channels of {@code NOTIFICATION_URLS},
 * in Apprise's URL syntax; deduplicated, rate-limited and delivered off the control thread.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {
      "units",
      "config",
      "device",
      "control",
      "planning",
      "history",
      "tariff",
      "tariff :: tempo"
    })
package fr.marstek.automation.notify;
