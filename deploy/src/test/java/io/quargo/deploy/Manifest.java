package io.quargo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One YAML document from a manifest file, with the accessors the rules need. */
record Manifest(Path file, JsonNode node) {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** Every non-empty document of a (multi-document) YAML file. */
  static List<Manifest> read(Path file) {
    List<Manifest> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node != null && node.isObject() && !node.isEmpty()) {
          docs.add(new Manifest(file, node));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is not valid YAML: fix its syntax", e);
    }
    return docs;
  }

  /** Every document of every *.yaml / *.yml file under a directory. */
  static List<Manifest> readTree(Path dir) {
    return yamlFiles(dir).stream().flatMap(f -> read(f).stream()).toList();
  }

  /** The *.yaml and *.yml files under a directory, sorted. */
  static List<Path> yamlFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(Manifest::isYaml).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  String kind() {
    return node.path("kind").asText();
  }

  String name() {
    return node.path("metadata").path("name").asText();
  }

  /** "Kind/name in file", for messages. */
  String describe() {
    return kind() + "/" + name() + " in " + file;
  }
}
