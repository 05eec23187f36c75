package io.quargo.reposerver.render;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds {@code helm.apiVersions} to what a chart's templates see as {@code
 * .Capabilities.APIVersions} ({@code helm template --api-versions}), which helm-java cannot pass:
 * in a copy of the templates, {@code X.Capabilities.APIVersions.Has ARG} becomes {@code (has ARG
 * (concat X.Capabilities.APIVersions (list ...)))} and any other {@code X.Capabilities.APIVersions}
 * becomes the {@code concat}, so Helm's own list stays and the extra versions join it.
 */
final class HelmApiVersions {

  /** {@code $}, {@code $root}, {@code .ctx} and the like before {@code .Capabilities}. */
  private static final Pattern CAPABILITIES =
      Pattern.compile("((?:\\$\\w*)?(?:\\.\\w+)*)\\.Capabilities\\.APIVersions\\b(\\.Has\\b)?");

  private HelmApiVersions() {}

  /** {@code template} with the extra versions visible; unchanged when it does not ask for them. */
  static String rewrite(String template, List<String> extra, String file) {
    if (!template.contains(".Capabilities.APIVersions")) {
      return template;
    }
    String list = list(extra);
    StringBuilder out = new StringBuilder(template.length() + 64);
    Matcher m = CAPABILITIES.matcher(template);
    int at = 0;
    while (m.find(at)) {
      out.append(template, at, m.start());
      String versions = "(concat " + m.group(1) + ".Capabilities.APIVersions " + list + ")";
      if (m.group(2) == null) {
        out.append(versions);
        at = m.end();
        continue;
      }
      int argStart = skipSpaces(template, m.end());
      int argEnd = argumentEnd(template, argStart);
      if (argStart == m.end() || argEnd < 0) {
        throw new UnsupportedSourceException(
            file,
            "helm.apiVersions with .Capabilities.APIVersions.Has in a pipeline or without an"
                + " argument is not supported yet; render without helm.apiVersions");
      }
      out.append("(has ")
          .append(template, argStart, argEnd)
          .append(' ')
          .append(versions)
          .append(')');
      at = argEnd;
    }
    out.append(template.substring(at));
    return out.toString();
  }

  private static String list(List<String> extra) {
    StringBuilder list = new StringBuilder("(list");
    for (String version : extra) {
      list.append(" \"")
          .append(version.trim().replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return list.append(')').toString();
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /**
   * The end of one template argument at {@code i}: a quoted or raw string, a parenthesised
   * expression, or a variable or field chain; -1 when there is none.
   */
  private static int argumentEnd(String text, int i) {
    if (i >= text.length()) {
      return -1;
    }
    char c = text.charAt(i);
    if (c == '"') {
      for (int j = i + 1; j < text.length(); j++) {
        if (text.charAt(j) == '\\') {
          j++;
        } else if (text.charAt(j) == '"') {
          return j + 1;
        }
      }
      return -1;
    }
    if (c == '`') {
      int close = text.indexOf('`', i + 1);
      return close < 0 ? -1 : close + 1;
    }
    if (c == '(') {
      int depth = 0;
      boolean quoted = false;
      for (int j = i; j < text.length(); j++) {
        char d = text.charAt(j);
        if (quoted) {
          if (d == '\\') {
            j++;
          } else if (d == '"') {
            quoted = false;
          }
        } else if (d == '"') {
          quoted = true;
        } else if (d == '(') {
          depth++;
        } else if (d == ')' && --depth == 0) {
          return j + 1;
        }
      }
      return -1;
    }
    if (c == '$' || c == '.') {
      int j = i + 1;
      while (j < text.length()
          && (Character.isLetterOrDigit(text.charAt(j))
              || text.charAt(j) == '_'
              || text.charAt(j) == '.')) {
        j++;
      }
      return j;
    }
    return -1;
  }
}
