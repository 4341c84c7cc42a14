/**
 * Reads the household's settings from environment variables and the {@code .env} file, and stops
 * start-up with one clear line per mistake.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Configuration",
    allowedDependencies = {})
package fr.marstek.automation.config;
