package io.quargo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Kustomize directories: which files each kustomization.yaml lists, and what a build takes in. */
final class KustomizeTree {

  /** The kustomization fields that name files relative to the kustomization's directory. */
  private static final List<String> FILE_FIELDS =
      List.of("resources", "components", "crds", "patchesStrategicMerge", "configurations");

  private KustomizeTree() {}

  /** Every directory under {@code dir} (itself included) that holds a kustomization.yaml. */
  static List<Path> roots(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
          .map(Path::getParent)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** The files a kustomization.yaml names directly (resources, patches, ...), normalized. */
  static Set<Path> listed(Path root) {
    Set<Path> listed = new LinkedHashSet<>();
    JsonNode k = kustomization(root);
    for (String field : FILE_FIELDS) {
      k.path(field).forEach(entry -> listed.add(root.resolve(entry.asText()).normalize()));
    }
    for (JsonNode patch : k.path("patches")) {
      if (patch.has("path")) {
        listed.add(root.resolve(patch.path("path").asText()).normalize());
      }
    }
    return listed;
  }

  /**
   * YAML files in a kustomization's directory tree that it does not list. Sub-directories with
   * their own kustomization.yaml are checked on their own and skipped here.
   */
  static List<String> unlisted(Path root) {
    Set<Path> listed = listed(root);
    List<String> problems = new ArrayList<>();
    for (Path file : Manifest.yamlFiles(root)) {
      if (file.getFileName().toString().equals("kustomization.yaml")
          || insideNestedRoot(root, file)) {
        continue;
      }
      if (!listed.contains(file.normalize())) {
        problems.add(
            file
                + " is not listed in "
                + root.resolve("kustomization.yaml")
                + "; add it to resources (or delete it)");
      }
    }
    return problems;
  }

  /** Entries a kustomization names that do not exist. */
  static List<String> missing(Path root) {
    List<String> problems = new ArrayList<>();
    for (Path entry : listed(root)) {
      if (!Files.exists(entry)) {
        problems.add(
            root.resolve("kustomization.yaml") + " lists " + entry + ", which does not exist");
      }
    }
    return problems;
  }

  /** Every manifest a build of this kustomization starts from, following directory resources. */
  static List<Manifest> resources(Path root) {
    List<Manifest> all = new ArrayList<>();
    for (JsonNode entry : kustomization(root).path("resources")) {
      Path target = root.resolve(entry.asText()).normalize();
      if (Files.isDirectory(target)) {
        all.addAll(resources(target));
      } else if (Files.isRegularFile(target)) {
        all.addAll(Manifest.read(target));
      }
    }
    return all;
  }

  private static boolean insideNestedRoot(Path root, Path file) {
    for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("kustomization.yaml"))) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode kustomization(Path root) {
    List<Manifest> docs = Manifest.read(root.resolve("kustomization.yaml"));
    if (docs.size() != 1) {
      throw new IllegalStateException(
          root.resolve("kustomization.yaml") + " must hold one document");
    }
    return docs.get(0).node();
  }
}
