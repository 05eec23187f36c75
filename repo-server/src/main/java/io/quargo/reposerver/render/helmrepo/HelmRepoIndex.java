package io.quargo.reposerver.render.helmrepo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Helm repository's {@code index.yaml}: for each chart name, its versions with their archive URLs
 * and digests. Entries without a version are left out, as Helm's loader leaves them out.
 */
public record HelmRepoIndex(Map<String, List<ChartVersion>> entries) {

  /** Reads {@code index.yaml} text fetched from {@code repoURL}. */
  public static HelmRepoIndex parse(String repoURL, byte[] yaml) {
    JsonNode root;
    try {
      root = ManifestCodec.yamlMapper().readTree(yaml);
    } catch (IOException e) {
      throw HelmRepoException.badIndex(repoURL, "not YAML (" + firstLine(e.getMessage()) + ")");
    }
    if (root == null || !root.isObject()) {
      throw HelmRepoException.badIndex(repoURL, "not a YAML mapping");
    }
    JsonNode entries = root.path("entries");
    if (!entries.isObject()) {
      throw HelmRepoException.badIndex(repoURL, "it has no \"entries\" mapping");
    }
    Map<String, List<ChartVersion>> charts = new LinkedHashMap<>();
    entries
        .fields()
        .forEachRemaining(
            e -> {
              List<ChartVersion> versions = new ArrayList<>();
              if (!e.getValue().isArray()) {
                throw HelmRepoException.badIndex(
                    repoURL, "entries." + e.getKey() + " is not a list");
              }
              for (JsonNode v : e.getValue()) {
                String version = v.path("version").asText("");
                if (version.isBlank()) {
                  continue;
                }
                List<String> urls = new ArrayList<>();
                v.path("urls").forEach(u -> urls.add(u.asText()));
                versions.add(
                    new ChartVersion(
                        v.path("name").asText(e.getKey()),
                        version,
                        List.copyOf(urls),
                        v.path("digest").asText("")));
              }
              charts.put(e.getKey(), List.copyOf(versions));
            });
    return new HelmRepoIndex(Map.copyOf(charts));
  }

  /** The versions of {@code chart}, or null when the index does not list it. */
  public List<ChartVersion> versions(String chart) {
    return entries.get(chart);
  }

  /** The chart names, sorted. */
  public List<String> chartNames() {
    return List.copyOf(new TreeSet<>(entries.keySet()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
