package io.quargo.devstack.sandbox;

/**
 * A parsed Kubernetes API path: {@code /api/v1/namespaces/ns/pods/name/status} and friends.
 *
 * @param groupVersion "v1" or "group/version"
 * @param namespace the namespace, or null for cluster-scoped paths and lists across namespaces
 * @param plural the resource plural
 * @param name the object name, or null for a collection
 * @param subresource "status", "scale", ... or null
 */
public record ResourcePath(
    String groupVersion, String namespace, String plural, String name, String subresource) {

  /** Parses a path without its query string; null when it is not a resource path. */
  public static ResourcePath parse(String path, ApiResourceTable table) {
    String[] s = path.replaceAll("^/+|/+$", "").split("/");
    int i;
    String gv;
    if (s.length >= 3 && s[0].equals("api")) {
      gv = s[1];
      i = 2;
    } else if (s.length >= 4 && s[0].equals("apis")) {
      gv = s[1] + "/" + s[2];
      i = 3;
    } else {
      return null;
    }
    int rest = s.length - i;
    boolean namespacedForm =
        s[i].equals("namespaces")
            && rest >= 3
            && !(rest == 3
                && table.find(gv, s[i + 2]).isEmpty()
                && isNamespaceSubresource(s[i + 2]));
    if (namespacedForm) {
      return new ResourcePath(gv, s[i + 1], s[i + 2], at(s, i + 3), at(s, i + 4));
    }
    return new ResourcePath(gv, null, s[i], at(s, i + 1), at(s, i + 2));
  }

  private static boolean isNamespaceSubresource(String segment) {
    return segment.equals("status") || segment.equals("finalize");
  }

  private static String at(String[] s, int i) {
    return i < s.length ? s[i] : null;
  }

  /** The path of the object itself, without a subresource. */
  public String objectPath() {
    String prefix = groupVersion.contains("/") ? "/apis/" : "/api/";
    String ns = namespace == null ? "" : "namespaces/" + namespace + "/";
    return prefix + groupVersion + "/" + ns + plural + (name == null ? "" : "/" + name);
  }
}
