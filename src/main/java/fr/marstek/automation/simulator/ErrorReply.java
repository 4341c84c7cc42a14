package fr.marstek.automation.simulator;

import java.util.OptionalInt;

/** The error objects the simulator sends, with the {@code data} codes real firmware adds. */
enum ErrorReply {
  PARSE_ERROR(-32700, "Parse error", OptionalInt.of(402)),
  BUSY(-32700, "Parse error", OptionalInt.of(403)),
  METHOD_NOT_FOUND(-32601, "Method not found", OptionalInt.of(424)),
  INVALID_PARAMS(-32602, "Invalid params", OptionalInt.empty());

  private final int code;
  private final String message;
  private final OptionalInt data;

  ErrorReply(int code, String message, OptionalInt data) {
    this.code = code;
    this.message = message;
    this.data = data;
  }

  int code() {
    return code;
  }

  String message() {
    return message;
  }

  OptionalInt data() {
    return data;
  }
}
