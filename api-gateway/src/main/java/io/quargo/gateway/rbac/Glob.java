package io.quargo.gateway.rbac;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Argo CD's policy globs (gobwas/glob without separators): {@code *} matches any run of characters
 * including {@code /}, {@code ?} one character, {@code [abc]}, {@code [!abc]} and {@code [a-z]} one
 * of a class, {@code {a,b}} one of the alternatives, {@code \} escapes.
 */
public final class Glob {

  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Glob() {}

  /** Whether {@code value} matches {@code pattern} as a whole. */
  public static boolean matches(String pattern, String value) {
    if (pattern.equals(value) || pattern.equals("*")) {
      return true;
    }
    return CACHE.computeIfAbsent(pattern, Glob::compile).matcher(value).matches();
  }

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            boolean negated = body.startsWith("!");
            String chars = (negated ? body.substring(1) : body).replace("\\", "\\\\");
            re.append('[').append(negated ? "^" : "").append(chars).append(']');
            i = end;
          }
        }
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces > 0) {
            braces--;
            re.append(')');
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    while (braces-- > 0) {
      re.append(')');
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
