package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Scalar equality for the diff: numbers by value (1 equals 1.0), a number equal to a string that is
 * the same number (YAML {@code 1} against the server's {@code "1"}), everything else exactly;
 * quantity strings such as {@code "500m"} and {@code "0.5"} are compared as written.
 */
final class Values {

  private Values() {}

  static boolean sameScalar(JsonNode desired, JsonNode live) {
    if (desired.isNumber() && live.isNumber()) {
      return desired.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    if (desired.isNumber() && live.isTextual()) {
      return sameNumber(desired.decimalValue(), live.asText());
    }
    if (desired.isTextual() && live.isNumber()) {
      return sameNumber(live.decimalValue(), desired.asText());
    }
    return desired.equals(live);
  }

  private static boolean sameNumber(BigDecimal number, String text) {
    try {
      return number.compareTo(new BigDecimal(text)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
