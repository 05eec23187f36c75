package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Builds one kustomization, recursively as kustomize's KustTarget does: resources (files and nested
 * kustomizations), then generators, then components, then this file's transformers.
 */
final class KustTarget {

  private final RepoFiles files;
  private final Deque<Path> stack = new ArrayDeque<>();

  KustTarget(RepoFiles files) {
    this.files = files;
  }

  ResourceMap build(Kustomization k) {
    return accumulate(new ResourceMap(), k);
  }

  private ResourceMap accumulate(ResourceMap ra, Kustomization k) {
    if (stack.contains(k.dir)) {
      throw new KustomizeException(k.file, "cycle: this kustomization includes itself");
    }
    stack.push(k.dir);
    try {
      List<JsonNode> resources = new ArrayList<>(k.list("resources"));
      resources.addAll(k.list("bases"));
      for (JsonNode entry : resources) {
        addResource(ra, k, entry.asText());
      }
      new DataGenerator(files, k).run(ra);
      for (JsonNode entry : k.list("components")) {
        Path dir = localPath(k, entry.asText(), "components");
        Kustomization component = Kustomization.load(files, dir, null);
        if (!component.component) {
          throw new KustomizeException(
              k.file,
              "components entry \""
                  + entry.asText()
                  + "\" is a Kustomization, not a Component; list it under resources");
        }
        accumulate(ra, component);
      }
      transform(ra, k);
      return ra;
    } finally {
      stack.pop();
    }
  }

  private void addResource(ResourceMap ra, Kustomization k, String ref) {
    Path path = localPath(k, ref, "resources");
    if (Files.isDirectory(path)) {
      Kustomization sub = Kustomization.load(files, path, null);
      if (sub.component) {
        throw new KustomizeException(
            k.file,
            "resources entry \"" + ref + "\" is a Component; list it under components instead");
      }
      ra.appendAll(accumulate(new ResourceMap(), sub), k.file);
      return;
    }
    String file = files.relative(path);
    List<ObjectNode> objects;
    try {
      objects = Yaml12.readAll(files.read(path, k.file, "resources"), file);
    } catch (KustomizeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KustomizeException(file, "invalid YAML: " + e.getMessage(), e);
    }
    for (ObjectNode item : flatten(objects)) {
      {
        if (item.path("kind").asText("").isEmpty()
            || item.path("metadata").path("name").asText("").isEmpty()) {
          throw new KustomizeException(
              file, "every resource needs kind and metadata.name; this one has not: " + item);
        }
        ra.append(new KResource(item, file), k.file);
      }
    }
  }

  /**
   * Kinds ending in "List" replaced by their items, which kustomize queues after the file's other
   * documents (a List without items is dropped).
   */
  private static List<ObjectNode> flatten(List<ObjectNode> documents) {
    java.util.ArrayDeque<ObjectNode> queue = new java.util.ArrayDeque<>(documents);
    List<ObjectNode> items = new ArrayList<>();
    while (!queue.isEmpty()) {
      ObjectNode object = queue.poll();
      if (!object.path("kind").asText("").endsWith("List")) {
        items.add(object);
        continue;
      }
      for (JsonNode item : object.path("items")) {
        if (item instanceof ObjectNode o) {
          queue.add(o);
        }
      }
    }
    return items;
  }

  private Path localPath(Kustomization k, String ref, String field) {
    if (ref.contains("://") || ref.startsWith("github.com/") || ref.startsWith("git@")) {
      throw new UnsupportedKustomizationException(
          k.file, field, "remote reference \"" + ref + "\"");
    }
    Path path = files.resolve(k.dir, ref, k.file, field);
    if (!Files.exists(path)) {
      throw new KustomizeException(
          k.file, field + " entry \"" + ref + "\" does not exist (" + files.relative(path) + ")");
    }
    return path;
  }

  private void transform(ResourceMap ra, Kustomization k) {
    PatchTransformer patches = new PatchTransformer(files, k);
    patches.patchesStrategicMerge(ra);
    patches.patches(ra);
    NamespaceTransformer.apply(ra, k.string("namespace"));
    NameAffixTransformer.prefix(ra, k.string("namePrefix"));
    NameAffixTransformer.suffix(ra, k.string("nameSuffix"));
    MapFieldTransformer.apply(ra, k.map("commonLabels"), FieldSpecTables.commonLabels());
    for (JsonNode label : k.list("labels")) {
      applyLabels(ra, k, label);
    }
    MapFieldTransformer.apply(ra, k.map("commonAnnotations"), FieldSpecTables.commonAnnotations());
    patches.patchesJson6902(ra);
    List<ReplicaTransformer.Replica> replicas = new ArrayList<>();
    for (JsonNode entry : k.list("replicas")) {
      replicas.add(ReplicaTransformer.parse(entry, k.file));
    }
    ReplicaTransformer.apply(ra, replicas, k.file);
    List<ImageTransformer.Image> images = new ArrayList<>();
    for (JsonNode entry : k.list("images")) {
      images.add(ImageTransformer.parse(entry, k.file));
    }
    ImageTransformer.apply(ra, images);
  }

  private static void applyLabels(ResourceMap ra, Kustomization k, JsonNode label) {
    for (String name : (Iterable<String>) label::fieldNames) {
      if (!List.of("pairs", "includeSelectors", "includeTemplates", "fields").contains(name)) {
        throw new KustomizeException(k.file, "unknown field \"" + name + "\" in a labels entry");
      }
    }
    Map<String, String> pairs = Yamls.stringMap(label.get("pairs"), k.file, "labels.pairs");
    List<FieldSpec> specs = new ArrayList<>();
    if (label.path("includeSelectors").asBoolean(false)) {
      specs.addAll(FieldSpecTables.commonLabels());
    } else {
      if (label.path("includeTemplates").asBoolean(false)) {
        specs.addAll(FieldSpecTables.templateLabels());
      }
      specs.add(FieldSpec.all("metadata/labels", true));
    }
    for (JsonNode field : label.path("fields")) {
      specs.add(
          new FieldSpec(
              field.path("group").asText(""),
              field.path("version").asText(""),
              field.path("kind").asText(""),
              field.path("path").asText(""),
              field.path("create").asBoolean(false)));
    }
    MapFieldTransformer.apply(ra, pairs, specs);
  }
}
