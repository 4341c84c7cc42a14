/**
 * Tells the household what needs their attention (a battery offline, a mode that did not take) on
 * the channels of {@code NOTIFICATION_URLS}, in Apprise's URL syntax; deduplicated, rate-limited
 * and delivered off the control thread.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {"units", "config", "device", "control"})
package fr.marstek.automation.notify;
