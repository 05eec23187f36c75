package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.reposerver.support.Executables;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The differential cases under {@code src/test/resources/kustomize/<case>/}: each folder is a
 * repository; its optional {@code case.yaml} names the folder to build ({@code path}), Argo CD
 * overrides ({@code overrides}) and a case whose kubectl output it must equal ({@code sameAs}).
 */
final class DiffCases {

  /** One case, read from its folder. */
  record Case(String name, Path root, Path dir, KustomizeOverrides overrides, String sameAs) {
    @Override
    public String toString() {
      return name;
    }
  }

  private DiffCases() {}

  static Path root() {
    try {
      return Path.of(DiffCases.class.getResource("/kustomize").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Case> all() throws IOException {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(Files::isDirectory).sorted().map(DiffCases::load).toList().stream();
    }
  }

  static Case load(String name) {
    return load(root().resolve(name));
  }

  static Case load(Path caseRoot) {
    Path config = caseRoot.resolve("case.yaml");
    ObjectNode spec = Json.mapper().createObjectNode();
    if (Files.exists(config)) {
      try {
        spec = ManifestCodec.readAll(Files.readString(config), config.toString()).get(0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    Path dir = caseRoot.resolve(spec.path("path").asText("."));
    return new Case(
        caseRoot.getFileName().toString(),
        caseRoot,
        dir.normalize(),
        overrides(spec.get("overrides")),
        spec.path("sameAs").asText(null));
  }

  private static KustomizeOverrides overrides(JsonNode o) {
    if (o == null) {
      return KustomizeOverrides.NONE;
    }
    List<String> images = new ArrayList<>();
    o.path("images").forEach(i -> images.add(i.asText()));
    List<KustomizeOverrides.Replica> replicas = new ArrayList<>();
    o.path("replicas")
        .forEach(
            r ->
                replicas.add(
                    new KustomizeOverrides.Replica(
                        r.path("name").asText(), r.path("count").asLong())));
    List<JsonNode> patches = new ArrayList<>();
    o.path("patches").forEach(patches::add);
    return new KustomizeOverrides(
        images,
        o.path("namePrefix").asText(null),
        o.path("nameSuffix").asText(null),
        map(o.get("commonLabels")),
        o.path("forceCommonLabels").asBoolean(false),
        false,
        false,
        map(o.get("commonAnnotations")),
        o.path("forceCommonAnnotations").asBoolean(false),
        o.path("namespace").asText(null),
        replicas,
        patches,
        List.of());
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null) {
      node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    }
    return map;
  }

  /** Objects normalised through JSON, so numbers and strings compare by value and type. */
  static List<JsonNode> normalise(List<ObjectNode> objects) {
    List<JsonNode> result = new ArrayList<>();
    for (ObjectNode object : objects) {
      result.add(sorted(Json.fromBytes(Json.toBytes(object), JsonNode.class)));
    }
    return result;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = Json.mapper().createObjectNode();
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) {
        copy.set(name, sorted(object.get(name)));
      }
      return copy;
    }
    if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = Json.mapper().createArrayNode();
      array.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  /** kubectl from QUARGO_KUBECTL, else from PATH; null when there is none. */
  static Path kubectl() {
    return Executables.find("kubectl", "QUARGO_KUBECTL");
  }
}
