package fr.marstek.automation.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Query parameters Tomcat cannot decode (bytes that are not UTF-8) are the client's mistake: a 400
 * and one log line, not an ERROR with the container's whole stack trace for every such request.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableParameters {

  private static final Logger log = LoggerFactory.getLogger(UnreadableParameters.class);

  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail unreadable(InvalidParameterException e, HttpServletRequest request) {
    log.info(
        "Refused {} {}: its parameters are not valid UTF-8",
        request.getMethod(),
        request.getRequestURI());
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST, ErrorProblems.detail(HttpStatus.BAD_REQUEST));
  }
}
