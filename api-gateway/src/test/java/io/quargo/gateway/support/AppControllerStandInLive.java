package io.quargo.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.k8s.ObjectMerge;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link AppControllerStandIn}'s live resources of apps and what is asked about them: {@code
 * GET .../events}, {@code GET .../revisions/{revision}/metadata}, {@code POST .../resource} (a
 * merge patch of the stored object) and {@code DELETE .../resource}. Each app has a Deployment
 * {@code guestbook-ui}; the last query of each patch or delete is kept for tests to read.
 */
public final class AppControllerStandInLive {

  /** The only revision with metadata. */
  public static final String SHA = AppControllerStandIn.SHA;

  private final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();
  private final List<Map<String, String>> edits = new CopyOnWriteArrayList<>();

  /** Back to one Deployment {@code guestbook-ui} per app in {@code apps}. */
  void reset(Iterable<String> apps) {
    objects.clear();
    edits.clear();
    for (String app : apps) {
      ObjectNode d = Json.mapper().createObjectNode().put("apiVersion", "apps/v1");
      d.put("kind", "Deployment");
      d.putObject("metadata").put("name", "guestbook-ui").put("namespace", "default");
      d.putObject("spec").put("replicas", 1);
      objects.put(key(app, "Deployment", "guestbook-ui"), d);
    }
  }

  /** The live object {@code kind/name} of {@code app}, null when absent (deleted). */
  public ObjectNode object(String app, String kind, String name) {
    return objects.get(key(app, kind, name));
  }

  /** The query of each patch and delete, in order. */
  public List<Map<String, String>> edits() {
    return edits;
  }

  /** Every live object, to compare states. */
  JsonNode snapshot() {
    return Json.mapper().valueToTree(new TreeMap<>(objects));
  }

  /**
   * The answer to {@code method} on {@code seg} (path segments after {@code /api/v1/}, {@code
   * seg[0]} is {@code applications}) of existing app {@code seg[1]}: a JSON answer, an Integer
   * status, or null when the route is not one of these.
   */
  Object answer(String method, String[] seg, String rawQuery, JsonNode body) {
    Map<String, String> query = query(rawQuery);
    String app = seg[1];
    if (seg.length == 3 && seg[2].equals("events") && method.equals("GET")) {
      return events(app, query);
    }
    if (seg.length == 5 && seg[2].equals("revisions") && seg[4].equals("metadata")) {
      return seg[3].equals(SHA) || seg[3].equals("main") ? metadata() : 404;
    }
    if (seg.length != 3 || !seg[2].equals("resource")) {
      return null;
    }
    if (!method.equals("POST") && !method.equals("DELETE")) {
      return null;
    }
    String key = key(app, query.get("kind"), query.get("resourceName"));
    ObjectNode live = objects.get(key);
    if (live == null) {
      return 404;
    }
    edits.add(query);
    if (method.equals("DELETE")) {
      objects.remove(key);
      return Json.mapper().createObjectNode();
    }
    // a JSON patch (an array) is only recorded; a merge patch is applied
    ObjectNode patched = body.isObject() ? (ObjectNode) ObjectMerge.mergePatch(live, body) : live;
    objects.put(key, patched);
    return Json.mapper().createObjectNode().put("manifest", patched.toString());
  }

  /** The answer of {@code GET .../resource}: the Deployment, as app-controller shows it. */
  static ObjectNode liveResource() {
    return Json.mapper()
        .createObjectNode()
        .put(
            "manifest",
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                + "\"metadata\":{\"name\":\"guestbook-ui\"}}");
  }

  private static ObjectNode events(String app, Map<String, String> query) {
    ObjectNode list = Json.mapper().createObjectNode().put("kind", "EventList");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    String name = query.getOrDefault("resourceName", app);
    ObjectNode event = items.addObject();
    event.putObject("metadata").put("name", name + ".1");
    event
        .putObject("involvedObject")
        .put("kind", query.containsKey("resourceName") ? "Deployment" : "Application")
        .put("name", name);
    event.put(
        "reason", query.containsKey("resourceName") ? "ScalingReplicaSet" : "ResourceUpdated");
    event.put("type", "Normal");
    return list;
  }

  private static ObjectNode metadata() {
    ObjectNode m = Json.mapper().createObjectNode().put("author", "Ada <ada@example.test>");
    m.put("date", "2026-01-02T03:04:05Z");
    m.putArray("tags").add("v1.0.0");
    m.put("message", "first commit");
    return m.put("signatureInfo", "");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static String key(String app, String kind, String name) {
    return app + "/" + kind + "/" + name;
  }
}
