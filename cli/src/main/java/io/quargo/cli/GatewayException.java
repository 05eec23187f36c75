package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** An error answer of the api-gateway: its problem+json body, printed for a person. */
final class GatewayException extends RuntimeException {
  private final int status;
  private final String title;
  private final String detail;
  private final JsonNode errors;

  GatewayException(int status, String title, String detail, JsonNode errors) {
    super(title + ": " + detail);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  /** Reads a problem+json body, or keeps a plain body as the detail. */
  static GatewayException of(int status, String body) {
    JsonNode problem = null;
    try {
      problem = OutputFormat.JSON_MAPPER.readTree(body);
    } catch (Exception notJson) {
      // keep the body as text
    }
    if (problem != null && problem.isObject() && problem.has("status")) {
      return new GatewayException(
          status,
          problem.path("title").asText("HTTP " + status),
          problem.path("detail").asText(""),
          problem.path("errors"));
    }
    String text = body == null ? "" : body.strip();
    return new GatewayException(
        status, "HTTP " + status, text.length() > 500 ? text.substring(0, 500) : text, null);
  }

  int status() {
    return status;
  }

  /** {@code error: <title>: <detail>}, one line per field error, and a hint for 401. */
  void print(PrintWriter err) {
    err.println(detail.isBlank() ? "error: " + title : "error: " + title + ": " + detail);
    if (errors != null) {
      for (JsonNode error : errors) {
        String field = error.path("field").asText("");
        err.println("  " + (field.isBlank() ? "" : field + ": ") + error.path("message").asText());
      }
    }
    if (status == 401) {
      err.println("hint: log in again with `quargo login SERVER` or pass --auth-token");
    }
  }
}
