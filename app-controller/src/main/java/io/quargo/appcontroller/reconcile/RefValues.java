package io.quargo.appcontroller.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RenderException;
import io.quargo.appcontroller.client.RepoServerClient;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.ApplicationSource;
import io.quargo.common.model.application.ApplicationSourceHelm;
import io.quargo.common.yaml.ManifestCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Argo CD's multi-source value files: in {@code helm.valueFiles}, {@code $<ref>/<path>} names a
 * file of the source whose {@code ref} is {@code <ref>}, at that source's targetRevision. The files
 * from the first {@code $ref} on are read through repo-server and merged, in order, as Helm merges
 * value files, under the source's own {@code values}/{@code valuesObject}; the result goes to
 * repo-server as {@code valuesObject}, so Helm sees the same values with the same precedence.
 */
final class RefValues {

  private RefValues() {}

  /** {@code source} with its {@code $ref} value files resolved; itself when it has none. */
  static ApplicationSource resolve(
      ApplicationSource source,
      Map<String, ApplicationSource> refs,
      Map<String, String> revisions,
      RepoServerClient repoServer) {
    ApplicationSourceHelm helm = source.getHelm();
    if (helm == null || helm.getValueFiles() == null) {
      return source;
    }
    List<String> files = helm.getValueFiles();
    int first = -1;
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).startsWith("$")) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return source;
    }
    boolean ignoreMissing = Boolean.TRUE.equals(helm.getIgnoreMissingValueFiles());
    ObjectNode merged = Json.mapper().createObjectNode();
    for (int i = first; i < files.size(); i++) {
      String file = files.get(i);
      String field = "spec.sources[].helm.valueFiles[" + i + "]";
      Optional<String> text;
      if (file.startsWith("$")) {
        int slash = file.indexOf('/');
        String ref = slash < 0 ? file.substring(1) : file.substring(1, slash);
        ApplicationSource from = refs.get(ref);
        if (from == null || slash < 0) {
          throw new RenderException(
              400,
              field
                  + " \""
                  + file
                  + "\" names no source: give a source ref: "
                  + ref
                  + " and a path after it ($"
                  + ref
                  + "/values.yaml)",
              null);
        }
        var read =
            repoServer.file(from.getRepoURL(), from.getTargetRevision(), file.substring(slash + 1));
        read.ifPresent(f -> revisions.put(ref, f.revision()));
        text = read.map(RepoServerClient.RepoFile::content);
      } else {
        String base =
            source.getPath() == null || source.getPath().isBlank() ? "" : source.getPath();
        String path = base.isEmpty() ? file : base.replaceAll("/+$", "") + "/" + file;
        text =
            repoServer
                .file(source.getRepoURL(), source.getTargetRevision(), path)
                .map(RepoServerClient.RepoFile::content);
      }
      if (text.isEmpty()) {
        if (ignoreMissing) {
          continue;
        }
        throw new RenderException(
            404,
            field + " \"" + file + "\" does not exist; set helm.ignoreMissingValueFiles to skip it",
            null);
      }
      merge(merged, values(text.get(), field));
    }
    if (helm.getValues() != null && !helm.getValues().isBlank()) {
      merge(merged, values(helm.getValues(), "helm.values"));
    }
    if (helm.getValuesObject() != null) {
      merge(merged, Json.mapper().valueToTree(helm.getValuesObject()));
    }
    ApplicationSource copy = Json.mapper().convertValue(source, ApplicationSource.class);
    ApplicationSourceHelm resolved = copy.getHelm();
    resolved.setValueFiles(first == 0 ? null : new ArrayList<>(files.subList(0, first)));
    resolved.setValues(null);
    @SuppressWarnings("unchecked")
    Map<String, Object> object = Json.mapper().convertValue(merged, Map.class);
    resolved.setValuesObject(object);
    return copy;
  }

  /** Helm's merge of value files: maps merge key by key, anything else replaces; null deletes. */
  static void merge(ObjectNode into, JsonNode from) {
    if (from == null || !from.isObject()) {
      return;
    }
    from.fields()
        .forEachRemaining(
            e -> {
              JsonNode value = e.getValue();
              JsonNode existing = into.get(e.getKey());
              if (value.isNull()) {
                into.remove(e.getKey());
              } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, value);
              } else {
                into.set(e.getKey(), value.deepCopy());
              }
            });
  }

  private static JsonNode values(String yaml, String field) {
    if (yaml.isBlank()) {
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode values = ManifestCodec.yamlMapper().readTree(yaml);
      if (values != null && !values.isNull() && !values.isMissingNode() && !values.isObject()) {
        throw new RenderException(422, field + " is not a YAML map of values", null);
      }
      return values == null || !values.isObject() ? Json.mapper().createObjectNode() : values;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RenderException(422, field + " is not a YAML map of values: " + e.getMessage(), e);
    }
  }
}
