package fr.marstek.automation.web.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that happen before any controller runs (a parameter that is not valid UTF-8,
 * an exception no handler took) as problem details, like every other error of the service, instead
 * of the servlet container's own page. Never shows the exception's message: it may hold input.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status;
    if (code == null) {
      status = HttpStatus.NOT_FOUND; // asked for directly: /error is no page of ours
    } else if (code instanceof Integer c && HttpStatus.resolve(c) != null) {
      status = HttpStatus.valueOf(c);
    } else {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  static String detail(HttpStatus status) {
    if (status == HttpStatus.BAD_REQUEST) {
      return "The request cannot be read: check its address and parameters (UTF-8,"
          + " percent-encoded).";
    }
    if (status.is4xxClientError()) {
      return status.getReasonPhrase() + ".";
    }
    return "Something went wrong inside the service; its log says what. Please report it.";
  }
}
