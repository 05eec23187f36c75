package io.quargo.appcontroller.project;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Shell-style globs as Argo CD projects write them: {@code *} any run, {@code ?} one character. */
final class Glob {

  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Glob() {}

  /** Whether {@code text} (null as "") matches {@code glob} (null or "" matches only ""). */
  static boolean matches(String glob, String text) {
    String g = glob == null ? "" : glob;
    String t = text == null ? "" : text;
    if (g.equals("*")) {
      return true;
    }
    if (g.indexOf('*') < 0 && g.indexOf('?') < 0) {
      return g.equals(t);
    }
    return CACHE.computeIfAbsent(g, Glob::compile).matcher(t).matches();
  }

  /** True when the pattern starts with {@code !} (a deny entry in newer Argo CD). */
  static boolean negated(String glob) {
    return glob != null && glob.startsWith("!");
  }

  /** The pattern without its leading {@code !}. */
  static String positive(String glob) {
    return negated(glob) ? glob.substring(1) : glob;
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
