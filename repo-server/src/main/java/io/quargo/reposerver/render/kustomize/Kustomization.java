package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** One kustomization file, read and checked: every field is known, and implemented or refused. */
final class Kustomization {

  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final Set<String> SUPPORTED =
      Set.of(
          "apiVersion",
          "kind",
          "metadata",
          "resources",
          "bases",
          "components",
          "namespace",
          "namePrefix",
          "nameSuffix",
          "commonLabels",
          "labels",
          "commonAnnotations",
          "images",
          "replicas",
          "patches",
          "patchesStrategicMerge",
          "patchesJson6902",
          "configMapGenerator",
          "secretGenerator",
          "generatorOptions",
          "sortOptions");

  private static final Set<String> UNSUPPORTED =
      Set.of(
          "helmCharts",
          "helmGlobals",
          "helmChartInflationGenerator",
          "replacements",
          "vars",
          "crds",
          "openapi",
          "configurations",
          "transformers",
          "generators",
          "validators",
          "inventory",
          "buildMetadata",
          "imageTags");

  final Path dir;
  final String file;
  final ObjectNode spec;
  final boolean component;

  private Kustomization(Path dir, String file, ObjectNode spec, boolean component) {
    this.dir = dir;
    this.file = file;
    this.spec = spec;
    this.component = component;
  }

  /** The kustomization file in {@code dir}, or null when the folder has none. */
  static Path find(Path dir) {
    Path found = null;
    for (String name : FILE_NAMES) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate)) {
        if (found != null) {
          throw new KustomizeException(
              null,
              "found multiple kustomization files in "
                  + dir.getFileName()
                  + " ("
                  + found.getFileName()
                  + " and "
                  + name
                  + "); keep one");
        }
        found = candidate;
      }
    }
    return found;
  }

  static Kustomization load(RepoFiles files, Path dir, ObjectNode overrideSpec) {
    Path path = find(dir);
    if (path == null) {
      throw new KustomizeException(
          files.relative(dir),
          "no kustomization file (one of " + String.join(", ", FILE_NAMES) + ") in this folder");
    }
    String file = files.relative(path);
    ObjectNode spec;
    if (overrideSpec != null) {
      spec = overrideSpec;
    } else {
      List<ObjectNode> docs;
      try {
        docs = readKustomization(files.read(path, file, "kustomization"), file);
      } catch (KustomizeException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new KustomizeException(file, "invalid YAML: " + e.getMessage(), e);
      }
      if (docs.size() != 1) {
        throw new KustomizeException(file, "expected one YAML document, found " + docs.size());
      }
      spec = docs.get(0);
    }
    String kind = spec.path("kind").asText("Kustomization");
    if (!kind.equals("Kustomization") && !kind.equals("Component")) {
      throw new KustomizeException(file, "kind \"" + kind + "\" is not Kustomization or Component");
    }
    Kustomization k = new Kustomization(dir, file, spec, kind.equals("Component"));
    k.check();
    return k;
  }

  /** The raw spec of the kustomization file in {@code dir} (for overrides on the top level). */
  static ObjectNode readSpec(RepoFiles files, Path dir) {
    Path path = find(dir);
    if (path == null) {
      return null;
    }
    String file = files.relative(path);
    List<ObjectNode> docs = readKustomization(files.read(path, file, "kustomization"), file);
    if (docs.size() != 1) {
      throw new KustomizeException(file, "expected one YAML document, found " + docs.size());
    }
    return docs.get(0);
  }

  /**
   * Kustomize decodes its own file with YAML 1.1 typing into string fields and refuses a number or
   * boolean where a string belongs ({@code newTag: 1.10}, {@code enabled: yes}); reading the file
   * the same way lets the field checks refuse them too instead of guessing the text.
   */
  private static List<ObjectNode> readKustomization(String text, String file) {
    try {
      return ManifestCodec.readAll(text, file);
    } catch (RuntimeException e) {
      throw new KustomizeException(file, "invalid YAML: " + e.getMessage(), e);
    }
  }

  private void check() {
    for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (UNSUPPORTED.contains(name)) {
        throw new UnsupportedKustomizationException(file, name, null);
      }
      if (!SUPPORTED.contains(name)) {
        throw new KustomizeException(
            file,
            "unknown field \""
                + name
                + "\" in the kustomization; check its spelling against the Kustomize reference");
      }
    }
  }

  String string(String field) {
    return Yamls.string(spec.get(field), file, field);
  }

  /** The list field as nodes; a missing or null field is empty. */
  List<JsonNode> list(String field) {
    JsonNode value = spec.get(field);
    List<JsonNode> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (!value.isArray()) {
      throw new KustomizeException(file, "field \"" + field + "\" must be a list");
    }
    value.forEach(items::add);
    return items;
  }

  /** The string-to-string map field; a missing or null field is empty. */
  java.util.LinkedHashMap<String, String> map(String field) {
    return Yamls.stringMap(spec.get(field), file, field);
  }
}
