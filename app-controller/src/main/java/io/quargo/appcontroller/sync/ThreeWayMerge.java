package io.quargo.appcontroller.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * kubectl's client-side three-way merge as an RFC 7386 JSON merge patch: fields desired sets are
 * set where live differs, fields the last apply set and desired no longer sets are deleted, and
 * fields only live has (set by someone else) are left alone. Lists are replaced as a whole.
 */
public final class ThreeWayMerge {

  private ThreeWayMerge() {}

  /**
   * The patch that takes {@code live} to {@code desired}; {@code lastApplied} (may be null) is what
   * the previous apply sent. An empty patch means nothing to do.
   */
  public static ObjectNode patch(ObjectNode lastApplied, ObjectNode desired, ObjectNode live) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode want = field.getValue();
      JsonNode have = live == null ? null : live.get(key);
      if (want.isObject() && have != null && have.isObject()) {
        JsonNode before = lastApplied == null ? null : lastApplied.get(key);
        ObjectNode sub =
            patch(
                before != null && before.isObject() ? (ObjectNode) before : null,
                (ObjectNode) want,
                (ObjectNode) have);
        if (!sub.isEmpty()) {
          patch.set(key, sub);
        }
      } else if (!Values.same(want, have)) {
        patch.set(key, want);
      }
    }
    if (lastApplied != null && live != null) {
      lastApplied
          .fieldNames()
          .forEachRemaining(
              key -> {
                if (!desired.has(key) && live.has(key)) {
                  patch.putNull(key);
                }
              });
    }
    return patch;
  }

  /** Equality that treats numbers by value (an int and a long of the same value are equal). */
  static final class Values {
    private Values() {}

    static boolean same(JsonNode a, JsonNode b) {
      if (a == null || b == null) {
        return a == b;
      }
      if (a.isNumber() && b.isNumber()) {
        return a.decimalValue().compareTo(b.decimalValue()) == 0;
      }
      return a.equals(b);
    }
  }
}
