package io.quargo.devstack.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.devstack.sandbox.ApiResourceTable.ApiResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Static discovery documents ({@code /api}, {@code /apis}, {@code /version}) from the table. */
final class ApiDiscovery {
  /** The version the sandbox reports; its gitVersion says it is a simulation. */
  static final String GIT_VERSION = "v1.33.0-sandbox-simulation";

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private final ObjectMapper json = new ObjectMapper();
  private final ApiResourceTable table;
  private final Supplier<String> serverAddress;

  ApiDiscovery(ApiResourceTable table, Supplier<String> serverAddress) {
    this.table = table;
    this.serverAddress = serverAddress;
  }

  /** The JSON document for a discovery path (no query string), or null if it is not one. */
  String answer(String path) {
    String p =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.equals("/version")) {
      return version();
    }
    if (p.equals("/api")) {
      return apiVersions();
    }
    if (p.equals("/apis")) {
      return groupList();
    }
    if (p.equals("/api/v1")) {
      return resourceList("v1");
    }
    String[] s = p.split("/");
    if (s.length == 3 && s[1].equals("apis") && groups().containsKey(s[2])) {
      return write(group(s[2], groups().get(s[2])));
    }
    if (s.length == 4 && s[1].equals("apis") && !table.of(s[2] + "/" + s[3]).isEmpty()) {
      return resourceList(s[2] + "/" + s[3]);
    }
    return null;
  }

  private String version() {
    ObjectNode v = json.createObjectNode();
    v.put("major", "1").put("minor", "33").put("gitVersion", GIT_VERSION);
    v.put("gitCommit", "sandbox").put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "none (Java simulation)");
    v.put("compiler", "quargo-sandbox").put("platform", "java/simulation");
    return write(v);
  }

  private String apiVersions() {
    ObjectNode doc = json.createObjectNode().put("kind", "APIVersions");
    doc.putArray("versions").add("v1");
    doc.putArray("serverAddressByClientCIDRs")
        .addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", serverAddress.get());
    return write(doc);
  }

  private Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String gv : table.groupVersions()) {
      if (gv.contains("/")) {
        String[] g = gv.split("/");
        groups.computeIfAbsent(g[0], k -> new java.util.ArrayList<>()).add(g[1]);
      }
    }
    return groups;
  }

  private String groupList() {
    ObjectNode doc = json.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode list = doc.putArray("groups");
    groups().forEach((name, versions) -> list.add(group(name, versions)));
    return write(doc);
  }

  private ObjectNode group(String name, List<String> versions) {
    ObjectNode g = json.createObjectNode().put("kind", "APIGroup").put("apiVersion", "v1");
    g.put("name", name);
    ArrayNode vs = g.putArray("versions");
    versions.forEach(v -> vs.addObject().put("groupVersion", name + "/" + v).put("version", v));
    g.putObject("preferredVersion")
        .put("groupVersion", name + "/" + versions.get(0))
        .put("version", versions.get(0));
    return g;
  }

  private String resourceList(String groupVersion) {
    ObjectNode doc = json.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1");
    doc.put("groupVersion", groupVersion);
    ArrayNode list = doc.putArray("resources");
    for (ApiResource r : table.of(groupVersion)) {
      ObjectNode n = list.addObject();
      n.put("name", r.plural()).put("singularName", r.singular());
      n.put("namespaced", r.namespaced()).put("kind", r.kind());
      VERBS.forEach(n.putArray("verbs")::add);
      if (!r.shortNames().isEmpty()) {
        r.shortNames().forEach(n.putArray("shortNames")::add);
      }
      if (!r.categories().isEmpty()) {
        r.categories().forEach(n.putArray("categories")::add);
      }
      for (String sub : r.subresources()) {
        ObjectNode s = list.addObject().put("name", r.plural() + "/" + sub).put("singularName", "");
        s.put("namespaced", r.namespaced());
        if (sub.equals("scale")) {
          s.put("group", "autoscaling").put("version", "v1").put("kind", "Scale");
        } else {
          s.put("kind", r.kind());
        }
        List.of("get", "patch", "update").forEach(s.putArray("verbs")::add);
      }
    }
    return write(doc);
  }

  private String write(ObjectNode node) {
    return node.toString();
  }
}
