package fr.marstek.automation.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.marstek.automation.control.ControlCommand;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A mode command sent as a JSON object, with the fields of the REST API's body ({@code POST
 * /api/v1/batteries/{id}/mode}): an adapter's copy of the JSON form only, control checks the
 * command.
 */
record ModePayload(
    String mode,
    OffsetDateTime until,
    Duration duration,
    @JsonProperty("power_w") Integer powerW,
    @JsonProperty("target_soc") Integer targetSoc,
    @JsonProperty("allow_peak_grid_charge") Boolean allowPeakGridCharge) {

  /** Thrown for a payload that is not such an object; the message says what is wrong. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  private static final String NOT_JSON =
      "the command is not valid JSON: check its syntax and each property's type";

  /** Reads with the service's mapper, so values are no more converted than the REST API's. */
  static ModePayload read(ObjectMapper json, String text) throws Unreadable {
    try {
      return json.readValue(text, ModePayload.class);
    } catch (MismatchedInputException e) {
      if (e.getTargetType() == null || e.getPath().isEmpty()) {
        throw new Unreadable(NOT_JSON);
      }
      String property =
          e.getPath().stream()
              .map(
                  r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      throw new Unreadable(
          "'"
              + property
              + "' must be "
              + expected(e.getTargetType())
              + "; values are not converted");
    } catch (JacksonException e) {
      throw new Unreadable(NOT_JSON);
    }
  }

  ControlCommand.Force toCommand(Optional<String> battery) {
    return ControlCommand.Force.fromBody(
        battery, mode, until, duration, powerW, targetSoc, allowPeakGridCharge);
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == OffsetDateTime.class) {
      return "an ISO-8601 time with its offset";
    }
    if (type == Duration.class) {
      return "an ISO-8601 duration";
    }
    return "a " + type.getSimpleName();
  }
}
