package fr.marstek.automation.web.api;

import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A body property of the wrong JSON type is named in the 400 with what it should be: values are
 * never converted (ProblemConfiguration), so {@code 1.5} is not read as 1, {@code "100"} not as 100
 * and {@code 2} not as true.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableBodies {

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String detail = "The request body is not valid JSON for this request: check it against /docs.";
    if (e.getCause() instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null
        && !mismatch.getPath().isEmpty()) {
      String property =
          mismatch.getPath().stream()
              .map(
                  r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      detail =
          "'"
              + property
              + "' must be "
              + expected(mismatch.getTargetType())
              + "; values are not converted (1.5 is not 1, \"100\" is not 100, 2 is not true).";
    } else if (e.getCause() instanceof JacksonException) {
      detail = "The request body is not valid JSON: check its syntax and each property's type.";
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Bad request body");
    return problem;
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    return "a " + type.getSimpleName();
  }
}
