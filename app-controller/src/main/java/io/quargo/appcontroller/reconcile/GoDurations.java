package io.quargo.appcontroller.reconcile;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Go duration strings as Argo writes them ({@code 5s}, {@code 3m}, {@code 1h30m}). */
final class GoDurations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private GoDurations() {}

  /** The duration of {@code text}, or {@code fallback} when null or not a Go duration. */
  static Duration parse(String text, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    String t = text.trim();
    if (t.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    Matcher m = PART.matcher(t);
    long millis = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return fallback;
      }
      double value = Double.parseDouble(m.group(1));
      millis +=
          (long)
              switch (m.group(2)) {
                case "ms" -> value;
                case "s" -> value * 1_000;
                case "m" -> value * 60_000;
                default -> value * 3_600_000;
              };
      end = m.end();
    }
    return end == t.length() && end > 0 ? Duration.ofMillis(millis) : fallback;
  }
}
