package fr.marstek.automation.web.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that needs the database while it is away (an override to store, a history query) gets a
 * 503 that says so, not a 500: control goes on meanwhile and the request can be repeated.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

  @ExceptionHandler(DataAccessException.class)
  ProblemDetail databaseAway(DataAccessException e) {
    log.warn("Request refused, database unavailable: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The database is unavailable, so this request could not be completed; nothing was"
                + " changed. Batteries are still controlled. Try again once GET /health shows"
                + " \"database\": {\"status\": \"UP\"}.");
    problem.setTitle("Database unavailable");
    return problem;
  }
}
