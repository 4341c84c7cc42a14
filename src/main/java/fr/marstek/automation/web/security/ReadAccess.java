package fr.marstek.automation.web.security;

/**
 * Whether reading needs the API token ({@code API_READS_REQUIRE_TOKEN}); the dashboard then shows
 * nothing but its login until the token was given.
 */
public record ReadAccess(boolean tokenRequired) {}
