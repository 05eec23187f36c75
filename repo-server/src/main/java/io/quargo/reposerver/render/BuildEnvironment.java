package io.quargo.reposerver.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argo CD's build environment ({@code $ARGOCD_APP_NAME}, {@code $ARGOCD_APP_REVISION}, ...) and its
 * substitution rules: {@code $NAME} and {@code ${NAME}} are replaced, unknown names become empty,
 * and {@code $$} is a literal {@code $} (the rules of Go's {@code os.Expand}).
 */
public record BuildEnvironment(Map<String, String> variables) {

  /** The variables Argo CD sets for an app's source at a resolved commit. */
  public static BuildEnvironment of(ManifestSource source, String sha) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("ARGOCD_APP_NAME", nullToEmpty(source.appName()));
    v.put("ARGOCD_APP_NAMESPACE", nullToEmpty(source.namespace()));
    v.put("ARGOCD_APP_REVISION", sha);
    v.put("ARGOCD_APP_REVISION_SHORT", sha.length() >= 7 ? sha.substring(0, 7) : sha);
    v.put("ARGOCD_APP_REVISION_SHORT_8", sha.length() >= 8 ? sha.substring(0, 8) : sha);
    v.put("ARGOCD_APP_SOURCE_PATH", nullToEmpty(source.path()));
    v.put("ARGOCD_APP_SOURCE_REPO_URL", nullToEmpty(source.repoURL()));
    v.put("ARGOCD_APP_SOURCE_TARGET_REVISION", nullToEmpty(source.targetRevision()));
    return new BuildEnvironment(Map.copyOf(v));
  }

  /** {@code text} with the variables substituted. */
  public String substitute(String text) {
    if (text == null || text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      String rest = text.substring(i + 1);
      int consumed;
      String name;
      char first = rest.charAt(0);
      if (first == '{') {
        int close = rest.indexOf('}');
        if (close < 0) {
          // Go eats a "${" without a closing brace
          i += 2;
          continue;
        }
        name = rest.substring(1, close);
        consumed = close + 1;
        if (name.isEmpty()) {
          i += 1 + consumed;
          continue;
        }
      } else if ("*#$@!?-".indexOf(first) >= 0 || Character.isDigit(first)) {
        name = String.valueOf(first);
        consumed = 1;
      } else {
        int n = 0;
        while (n < rest.length()
            && (rest.charAt(n) == '_' || Character.isLetterOrDigit(rest.charAt(n)))
            && rest.charAt(n) < 128) {
          n++;
        }
        if (n == 0) {
          out.append('$');
          i++;
          continue;
        }
        name = rest.substring(0, n);
        consumed = n;
      }
      out.append(name.equals("$") ? "$" : variables.getOrDefault(name, ""));
      i += 1 + consumed;
    }
    return out.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
