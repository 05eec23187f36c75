package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code configMapGenerator} and {@code secretGenerator}: builds ConfigMaps and Secrets from
 * literals, files and env files with the kustomization's {@code generatorOptions}, marked for a
 * content-hash suffix unless disabled, and adds them to the build (create, merge or replace).
 */
final class DataGenerator {

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "namespace",
          "behavior",
          "literals",
          "files",
          "envs",
          "env",
          "options",
          "type",
          "kind",
          "apiVersion");

  private final RepoFiles files;
  private final Kustomization k;

  DataGenerator(RepoFiles files, Kustomization k) {
    this.files = files;
    this.k = k;
  }

  void run(ResourceMap resources) {
    for (JsonNode args : k.list("configMapGenerator")) {
      add(resources, generate(args, "ConfigMap"));
    }
    for (JsonNode args : k.list("secretGenerator")) {
      add(resources, generate(args, "Secret"));
    }
  }

  private KResource generate(JsonNode args, String kind) {
    String field = kind.equals("Secret") ? "secretGenerator" : "configMapGenerator";
    for (String name : (Iterable<String>) args::fieldNames) {
      if (!FIELDS.contains(name)) {
        throw new KustomizeException(
            k.file, "unknown field \"" + name + "\" in a " + field + " entry");
      }
    }
    String name = args.path("name").asText("");
    if (name.isEmpty()) {
      throw new KustomizeException(k.file, "every " + field + " entry needs a name");
    }
    Map<String, byte[]> data = new LinkedHashMap<>();
    for (JsonNode literal : list(args, "literals")) {
      String source = literal.asText();
      int eq = source.indexOf('=');
      if (eq <= 0) {
        throw new KustomizeException(
            k.file, "invalid literal \"" + source + "\" in " + name + ", expected key=value");
      }
      put(data, name, source.substring(0, eq), unquote(source.substring(eq + 1)).getBytes(UTF8));
    }
    for (JsonNode fileSource : list(args, "files")) {
      String source = fileSource.asText();
      int eq = source.indexOf('=');
      String key = eq < 0 ? Path.of(source).getFileName().toString() : source.substring(0, eq);
      String ref = eq < 0 ? source : source.substring(eq + 1);
      Path path = files.resolve(k.dir, ref, k.file, field + " files");
      put(data, name, key, files.readBytes(path, k.file, field + " files"));
    }
    List<JsonNode> envs = list(args, "envs");
    if (args.hasNonNull("env")) {
      envs.add(args.get("env"));
    }
    for (JsonNode env : envs) {
      Path path = files.resolve(k.dir, env.asText(), k.file, field + " envs");
      String text = files.read(path, k.file, field + " envs");
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      for (String line : text.split("\r?\n")) {
        String trimmed = line.stripLeading();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int eq = trimmed.indexOf('=');
        String key = eq < 0 ? trimmed : trimmed.substring(0, eq);
        String value = eq < 0 ? "" : trimmed.substring(eq + 1);
        put(data, name, key, value.getBytes(UTF8));
      }
    }
    ObjectNode object = Json.mapper().createObjectNode();
    object.put("apiVersion", "v1");
    object.put("kind", kind);
    ObjectNode meta = object.putObject("metadata");
    meta.put("name", name);
    String namespace = args.path("namespace").asText("");
    if (!namespace.isEmpty()) {
      meta.put("namespace", namespace);
    }
    if (kind.equals("Secret")) {
      object.put(
          "type",
          args.path("type").asText("Opaque").isEmpty()
              ? "Opaque"
              : args.path("type").asText("Opaque"));
    }
    fill(object, kind, data);
    Options options = options(args.get("options"));
    options.labels.forEach((key, value) -> Yamls.object(meta, "labels").put(key, value));
    options.annotations.forEach((key, value) -> Yamls.object(meta, "annotations").put(key, value));
    if (options.immutable) {
      object.put("immutable", true);
    }
    KResource resource = new KResource(object, k.file);
    resource.needsHash = !options.disableHash;
    resource.behavior = args.path("behavior").asText("create");
    if (!Set.of("create", "merge", "replace").contains(resource.behavior)) {
      throw new KustomizeException(
          k.file,
          "behavior \"" + resource.behavior + "\" of " + name + " is not create, merge or replace");
    }
    return resource;
  }

  private static void fill(ObjectNode object, String kind, Map<String, byte[]> data) {
    if (data.isEmpty()) {
      return;
    }
    for (Map.Entry<String, byte[]> e : data.entrySet()) {
      if (kind.equals("Secret")) {
        Yamls.object(object, "data").put(e.getKey(), base64(e.getValue()));
      } else if (utf8(e.getValue())) {
        Yamls.object(object, "data").put(e.getKey(), new String(e.getValue(), UTF8));
      } else {
        Yamls.object(object, "binaryData").put(e.getKey(), base64(e.getValue()));
      }
    }
  }

  /** Adds a generated object, or merges it into / replaces the one of the same id. */
  void add(ResourceMap resources, KResource generated) {
    List<KResource> matches = resources.matchingAnyId(generated.curId());
    if (matches.isEmpty()) {
      if (!generated.behavior.equals("create")) {
        throw new KustomizeException(
            k.file, generated.curId() + " does not exist; cannot " + generated.behavior + " it");
      }
      resources.append(generated, k.file);
      return;
    }
    if (matches.size() > 1 || generated.behavior.equals("create")) {
      throw new KustomizeException(
          k.file,
          generated.curId()
              + " already exists; use behavior merge or replace to change a base's generator");
    }
    KResource old = matches.get(0);
    ObjectNode meta = generated.metadata();
    ObjectNode oldMeta = old.metadata();
    for (String field : List.of("labels", "annotations")) {
      Map<String, String> merged = Yamls.stringMap(oldMeta.get(field), k.file, field);
      merged.putAll(Yamls.stringMap(meta.get(field), k.file, field));
      if (!merged.isEmpty()) {
        ObjectNode target = meta.putObject(field);
        merged.forEach(target::put);
      }
    }
    if (generated.behavior.equals("merge")) {
      for (String field : List.of("data", "binaryData")) {
        Map<String, String> merged = Yamls.stringMap(old.object.get(field), k.file, field);
        merged.putAll(Yamls.stringMap(generated.object.get(field), k.file, field));
        if (!merged.isEmpty()) {
          ObjectNode target = generated.object.putObject(field);
          merged.forEach(target::put);
        }
      }
    }
    meta.put("name", old.name());
    if (old.namespace().isEmpty()) {
      meta.remove("namespace");
    } else {
      meta.put("namespace", old.namespace());
    }
    generated.copyTrackingFrom(old);
    resources.replace(old, generated);
  }

  private record Options(
      Map<String, String> labels,
      Map<String, String> annotations,
      boolean disableHash,
      boolean immutable) {}

  private Options options(JsonNode local) {
    JsonNode global = k.spec.get("generatorOptions");
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();
    boolean disable = false;
    boolean immutable = false;
    for (JsonNode o : new JsonNode[] {global, local}) {
      if (o == null || o.isNull()) {
        continue;
      }
      for (String name : (Iterable<String>) o::fieldNames) {
        if (!Set.of("labels", "annotations", "disableNameSuffixHash", "immutable").contains(name)) {
          throw new KustomizeException(
              k.file, "unknown field \"" + name + "\" in generator options");
        }
      }
      labels.putAll(Yamls.stringMap(o.get("labels"), k.file, "labels"));
      annotations.putAll(Yamls.stringMap(o.get("annotations"), k.file, "annotations"));
      disable |= o.path("disableNameSuffixHash").asBoolean(false);
      immutable |= o.path("immutable").asBoolean(false);
    }
    return new Options(labels, annotations, disable, immutable);
  }

  private void put(Map<String, byte[]> data, String name, String key, byte[] value) {
    if (data.containsKey(key)) {
      throw new KustomizeException(
          k.file, "generator " + name + " repeats the key \"" + key + "\"");
    }
    data.put(key, value);
  }

  private List<JsonNode> list(JsonNode args, String field) {
    List<JsonNode> items = new java.util.ArrayList<>();
    JsonNode value = args.get(field);
    if (value != null && value.isArray()) {
      value.forEach(items::add);
    }
    return items;
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && s.charAt(0) == s.charAt(s.length() - 1)
        && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** Base64 as kustomize writes it: 70-character lines, each ending in a newline, when longer. */
  static String base64(byte[] bytes) {
    String encoded = Base64.getEncoder().encodeToString(bytes);
    if (encoded.length() / 70 + 1 <= 1) {
      return encoded;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < encoded.length(); i += 70) {
      out.append(encoded, i, Math.min(i + 70, encoded.length())).append('\n');
    }
    return out.toString();
  }

  private static boolean utf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
