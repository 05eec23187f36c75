package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code patches}, {@code patchesStrategicMerge} and {@code patchesJson6902}: strategic merge
 * patches (to the object they name, or to every object a {@code target} selects) and JSON 6902
 * patches (to every selected object).
 */
final class PatchTransformer {

  private final RepoFiles files;
  private final Kustomization k;

  PatchTransformer(RepoFiles files, Kustomization k) {
    this.files = files;
    this.k = k;
  }

  void patchesStrategicMerge(ResourceMap resources) {
    for (JsonNode entry : k.list("patchesStrategicMerge")) {
      String text = entry.asText();
      String content = looksInline(text) ? text : readPatch(text, "patchesStrategicMerge");
      for (ObjectNode patch : parseDocuments(content)) {
        applyStrategic(resources, patch, null);
      }
    }
  }

  void patches(ResourceMap resources) {
    for (JsonNode entry : k.list("patches")) {
      applyEntry(resources, entry, "patches");
    }
  }

  void patchesJson6902(ResourceMap resources) {
    for (JsonNode entry : k.list("patchesJson6902")) {
      if (!entry.has("target")) {
        throw new KustomizeException(k.file, "every patchesJson6902 entry needs a target");
      }
      applyEntry(resources, entry, "patchesJson6902");
    }
  }

  private void applyEntry(ResourceMap resources, JsonNode entry, String field) {
    for (String name : iterable(entry.fieldNames())) {
      if (!List.of("path", "patch", "target", "options").contains(name)) {
        throw new KustomizeException(
            k.file, "unknown field \"" + name + "\" in a " + field + " entry");
      }
    }
    boolean hasPath = entry.hasNonNull("path");
    boolean hasPatch = entry.hasNonNull("patch");
    if (hasPath == hasPatch) {
      throw new KustomizeException(
          k.file, "every " + field + " entry needs exactly one of path or patch: " + entry);
    }
    String content =
        hasPath ? readPatch(entry.get("path").asText(), field) : entry.get("patch").asText();
    PatchTarget target =
        entry.hasNonNull("target") ? PatchTarget.parse(entry.get("target"), k.file) : null;
    JsonNode options = entry.path("options");
    for (String option : (Iterable<String>) options::fieldNames) {
      if (!List.of("allowNameChange", "allowKindChange").contains(option)) {
        throw new KustomizeException(k.file, "unknown patch option \"" + option + "\"");
      }
    }
    boolean allowNameChange = options.path("allowNameChange").asBoolean(false);
    boolean allowKindChange = options.path("allowKindChange").asBoolean(false);
    JsonNode tree = parseTree(content);
    if (tree instanceof ArrayNode operations) {
      if (target == null) {
        throw new KustomizeException(k.file, "a JSON 6902 patch in " + field + " needs a target");
      }
      for (KResource resource : resources) {
        if (target.selects(resource)) {
          resource.object = JsonPatch.apply(resource.object, operations, k.file);
        }
      }
      return;
    }
    for (ObjectNode patch : parseDocuments(content)) {
      applyStrategic(resources, patch, target, allowNameChange, allowKindChange);
    }
  }

  private void applyStrategic(ResourceMap resources, ObjectNode patch, PatchTarget target) {
    applyStrategic(resources, patch, target, false, false);
  }

  private void applyStrategic(
      ResourceMap resources,
      ObjectNode patch,
      PatchTarget target,
      boolean allowNameChange,
      boolean allowKindChange) {
    if (target != null) {
      for (KResource resource : resources) {
        if (target.selects(resource)) {
          ObjectNode copy = patch.deepCopy();
          ObjectNode meta = Yamls.object(copy, "metadata");
          if (!allowNameChange || !meta.hasNonNull("name")) {
            meta.put("name", resource.name());
          }
          if (resource.namespace().isEmpty()) {
            meta.remove("namespace");
          } else {
            meta.put("namespace", resource.namespace());
          }
          if (!allowKindChange || !copy.hasNonNull("kind")) {
            copy.put("apiVersion", resource.object.path("apiVersion").asText());
            copy.put("kind", resource.object.path("kind").asText());
          }
          ResId before = resource.curId();
          merge(resources, resource, copy);
          if (!resource.curId().equals(before) && resources.list().contains(resource)) {
            resource.rememberId(before);
          }
        }
      }
      return;
    }
    KResource patchId = new KResource(patch, null);
    List<KResource> matches = resources.matchingAnyId(patchId.curId());
    if (matches.isEmpty()) {
      throw new KustomizeException(
          k.file,
          "no resource matches strategic merge patch \""
              + patchId.curId()
              + "\"; check its kind, name and namespace");
    }
    if (matches.size() > 1) {
      throw new KustomizeException(
          k.file, "several resources match strategic merge patch " + patchId.curId());
    }
    merge(resources, matches.get(0), patch);
  }

  private void merge(ResourceMap resources, KResource resource, ObjectNode patch) {
    ObjectNode merged;
    try {
      merged = StrategicMerge.apply(resource.object, patch);
    } catch (KustomizeException e) {
      throw new KustomizeException(k.file, e.getMessage(), e);
    }
    if (merged == null) {
      resources.remove(resource);
    } else {
      resource.object = merged;
    }
  }

  private String readPatch(String ref, String field) {
    Path path = files.resolve(k.dir, ref, k.file, field);
    return files.read(path, k.file, field);
  }

  private JsonNode parseTree(String content) {
    try {
      return Yaml12.readTree(content, k.file);
    } catch (Exception e) {
      throw new KustomizeException(k.file, "invalid patch: " + e.getMessage(), e);
    }
  }

  private List<ObjectNode> parseDocuments(String content) {
    try {
      return new ArrayList<>(Yaml12.readAll(content, k.file));
    } catch (RuntimeException e) {
      throw new KustomizeException(k.file, "invalid patch: " + e.getMessage(), e);
    }
  }

  private static boolean looksInline(String text) {
    return text.contains("\n") || text.contains("apiVersion:") || text.contains("kind:");
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }
}
