/**
 * Settings changed at run time (Settings page, {@code /api/v1/settings}): a whitelist of variables
 * whose stored values override the environment, checked by every feature's reader before they are
 * stored, then announced with {@link fr.marstek.automation.config.SettingsChanged}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Settings",
    allowedDependencies = {"config", "history", "notify", "notify :: channel"})
package fr.marstek.automation.settings;
