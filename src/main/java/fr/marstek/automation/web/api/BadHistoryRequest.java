package fr.marstek.automation.web.api;

import org.springframework.http.HttpStatus;

/** A request a person can fix; the message says how. */
final class BadHistoryRequest extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;

  BadHistoryRequest(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }
}
