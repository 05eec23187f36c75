package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@link KustomizeOverrides} into a top-level kustomization the way Argo CD's edits do. */
final class OverrideApplier {

  private OverrideApplier() {}

  static ObjectNode apply(ObjectNode original, KustomizeOverrides o, String file) {
    ObjectNode spec = original.deepCopy();
    if (o.images() != null && !o.images().isEmpty()) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      for (JsonNode existing : spec.path("images")) {
        byName.put(existing.path("name").asText(), existing);
      }
      for (String arg : o.images()) {
        ObjectNode image = parseImage(spec, arg, file);
        byName.put(image.get("name").asText(), image);
      }
      List<JsonNode> sorted = new ArrayList<>(byName.values());
      sorted.sort(Comparator.comparing(n -> n.path("name").asText()));
      ArrayNode images = spec.putArray("images");
      sorted.forEach(images::add);
    }
    if (o.namePrefix() != null && !o.namePrefix().isEmpty()) {
      spec.put("namePrefix", o.namePrefix());
    }
    if (o.nameSuffix() != null && !o.nameSuffix().isEmpty()) {
      spec.put("nameSuffix", o.nameSuffix());
    }
    if (o.namespace() != null && !o.namespace().isEmpty()) {
      spec.put("namespace", o.namespace());
    }
    if (o.commonLabels() != null && !o.commonLabels().isEmpty()) {
      if (o.labelWithoutSelector()) {
        ObjectNode label = spec.withArray("labels").addObject();
        ObjectNode pairs = label.putObject("pairs");
        o.commonLabels().forEach(pairs::put);
        if (o.labelIncludeTemplates()) {
          label.put("includeTemplates", true);
        }
      } else {
        addMap(spec, "commonLabels", o.commonLabels(), o.forceCommonLabels(), file);
      }
    }
    if (o.commonAnnotations() != null && !o.commonAnnotations().isEmpty()) {
      addMap(spec, "commonAnnotations", o.commonAnnotations(), o.forceCommonAnnotations(), file);
    }
    if (o.replicas() != null && !o.replicas().isEmpty()) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      for (JsonNode existing : spec.path("replicas")) {
        byName.put(existing.path("name").asText(), existing);
      }
      for (KustomizeOverrides.Replica r : o.replicas()) {
        ObjectNode entry = spec.objectNode().put("name", r.name()).put("count", r.count());
        byName.put(r.name(), entry);
      }
      ArrayNode replicas = spec.putArray("replicas");
      byName.values().forEach(replicas::add);
    }
    if (o.patches() != null && !o.patches().isEmpty()) {
      ArrayNode patches = spec.withArray("patches");
      o.patches().forEach(p -> patches.add(p.deepCopy()));
    }
    if (o.components() != null && !o.components().isEmpty()) {
      ArrayNode components = spec.withArray("components");
      for (String component : o.components()) {
        boolean present = false;
        for (JsonNode existing : components) {
          present |= existing.asText().equals(component);
        }
        if (!present) {
          components.add(component);
        }
      }
    }
    return spec;
  }

  private static void addMap(
      ObjectNode spec, String field, Map<String, String> pairs, boolean force, String file) {
    ObjectNode map = Yamls.object(spec, field);
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      if (map.has(e.getKey()) && !force) {
        throw new KustomizeException(
            file,
            "override "
                + field
                + " key \""
                + e.getKey()
                + "\" is already in the kustomization; set force"
                + (field.equals("commonLabels") ? "CommonLabels" : "CommonAnnotations")
                + " to overwrite it");
      }
      map.put(e.getKey(), e.getValue());
    }
  }

  private static ObjectNode parseImage(ObjectNode spec, String arg, String file) {
    String key = null;
    String value = arg;
    int eq = arg.indexOf('=');
    if (eq >= 0) {
      key = arg.substring(0, eq);
      value = arg.substring(eq + 1);
    }
    String[] parts = ImageTransformer.split(value);
    String name = parts[0];
    if (name.equals(arg)) {
      throw new KustomizeException(
          file,
          "image override \"" + arg + "\" must be name=newName[:tag], name:tag or name@digest");
    }
    ObjectNode image = spec.objectNode();
    image.put("name", key == null ? name : key);
    if (key != null) {
      image.put("newName", name);
    }
    if (!parts[1].isEmpty()) {
      image.put("newTag", parts[1]);
    }
    if (!parts[2].isEmpty()) {
      image.put("digest", parts[2]);
    }
    return image;
  }
}
