package io.quargo.reposerver.render;

import java.util.regex.Pattern;

/**
 * A glob as Argo CD matches {@code directory.include} and {@code exclude} against a file's path
 * relative to the app's directory: {@code *} and {@code **} match any characters including {@code
 * /}, {@code ?} one character, {@code [abc]}, {@code [!abc]}, {@code {a,b}} alternatives.
 */
public final class Glob {

  private final Pattern regex;

  private Glob(Pattern regex) {
    this.regex = regex;
  }

  /** Compiles {@code glob}; an unbalanced bracket or brace is an error naming {@code field}. */
  public static Glob compile(String field, String glob) {
    StringBuilder re = new StringBuilder("^");
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            throw invalid(field, glob, "has a '}' without '{'");
          }
          braces--;
          re.append(')');
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        case '[' -> {
          int close = glob.indexOf(']', i + 1);
          if (close < 0) {
            throw invalid(field, glob, "has a '[' without ']'");
          }
          String set = glob.substring(i + 1, close);
          if (set.startsWith("!")) {
            set = "^" + set.substring(1);
          }
          re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
          i = close;
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces != 0) {
      throw invalid(field, glob, "has a '{' without '}'");
    }
    return new Glob(Pattern.compile(re.append('$').toString()));
  }

  /** Whether {@code path} (with {@code /} separators) matches. */
  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  private static RenderException invalid(String field, String glob, String why) {
    return new RenderException(field, "glob \"" + glob + "\" " + why);
  }
}
