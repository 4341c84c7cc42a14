package fr.marstek.automation.tariff.tempo.provider;

import fr.marstek.automation.tariff.tempo.ProviderFailure;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** RTE's documented errors (tempo.md §2.4) as failures: which to retry, and what to tell users. */
final class RteErrors {

  private static final Map<String, String> FUNCTIONAL =
      Map.of(
          "TMPLIKSUPCON_TMPLIKCAL_F01", "only one of start_date and end_date was sent",
          "TMPLIKSUPCON_TMPLIKCAL_F02", "start_date is later than end_date",
          "TMPLIKSUPCON_TMPLIKCAL_F03", "the range is longer than 366 days",
          "TMPLIKSUPCON_TMPLIKCAL_F04", "end_date is beyond D+2 of RTE's date",
          "TMPLIKSUPCON_TMPLIKCAL_F05", "the range is shorter than one day",
          "TMPLIKSUPCON_TMPLIKCAL_F06", "a date is not in the expected format",
          "TMPLIKSUPCON_TMPLIKCAL_F07", "fallback_status is not true or false");

  private RteErrors() {}

  /** A 400 with one of RTE's functional codes; never retried, as asking again cannot help. */
  static final class FunctionalError extends ProviderFailure {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String transactionId;

    FunctionalError(String code, String message, String transactionId) {
      super(message, false, Optional.empty());
      this.code = code;
      this.transactionId = transactionId;
    }

    String code() {
      return code;
    }

    String transactionId() {
      return transactionId;
    }
  }

  static ProviderFailure failureOf(TempoHttp.Answer answer, ObjectMapper json) {
    JsonNode body = parse(answer.body(), json);
    String code = body.path("error").asString(body.path("error_code").asString(""));
    String description = body.path("error_description").asString("");
    String transaction = body.path("error_details").path("transaction_id").asString("");
    String details =
        (code.isEmpty() ? "" : " " + code)
            + (description.isEmpty() ? "" : " " + description)
            + (transaction.isEmpty() ? "" : " [transaction " + transaction + "]");
    return switch (answer.status()) {
      case 400 ->
          new FunctionalError(
              code,
              "RTE rejected the request ("
                  + FUNCTIONAL.getOrDefault(code, "bad request")
                  + "):"
                  + details,
              transaction);
      case 401 -> ProviderFailure.permanent("RTE authentication failed (HTTP 401)" + details);
      case 403 ->
          ProviderFailure.permanent(
              "RTE refused access (HTTP 403): subscribe the application to the \"Tempo Like"
                  + " Supply Contract\" API on data.rte-france.com");
      case 404 ->
          ProviderFailure.permanent(
              "RTE does not know this resource (HTTP 404): check TEMPO_RTE_API_URL");
      case 408 -> retry(answer, "RTE timed out upstream (HTTP 408)");
      case 413 -> ProviderFailure.permanent("RTE's answer is over 7 MB (HTTP 413)");
      case 414 -> ProviderFailure.permanent("RTE found the request URI too long (HTTP 414)");
      case 429 -> retry(answer, "RTE says too many calls (HTTP 429)");
      case 503 -> retry(answer, "RTE's API is under maintenance (HTTP 503)");
      case 509 -> retry(answer, "RTE's platform limit is reached (HTTP 509)");
      default ->
          answer.status() >= 500
              ? retry(answer, "RTE technical error (HTTP " + answer.status() + "):" + details)
              : ProviderFailure.permanent("RTE answered HTTP " + answer.status() + details);
    };
  }

  private static ProviderFailure retry(TempoHttp.Answer answer, String message) {
    return new ProviderFailure(message, true, answer.retryAfter());
  }

  private static JsonNode parse(String body, ObjectMapper json) {
    try {
      return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
    } catch (JacksonException e) {
      return json.missingNode();
    }
  }
}
