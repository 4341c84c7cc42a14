/**
 * REST endpoints under {@code /api/v1/history}: JSON or CSV, errors as RFC 9457 problem details.
 */
package fr.marstek.automation.history.web;
