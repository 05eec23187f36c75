package io.quargo.devstack.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The API resources the sandbox knows, read from {@code sandbox/api-resources.yaml}. */
public final class ApiResourceTable {
  /** One served resource: group, version, plural and kind, scope and subresources. */
  public record ApiResource(
      String group,
      String version,
      String plural,
      String singular,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      List<String> subresources,
      List<String> categories) {

    /** "v1" for the core group, "group/version" otherwise. */
    public String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    /** Whether this resource has the given subresource ("status", "scale"). */
    public boolean has(String subresource) {
      return subresources.contains(subresource);
    }
  }

  private static final String LOCATION = "sandbox/api-resources.yaml";
  private final List<ApiResource> resources;

  private ApiResourceTable(List<ApiResource> resources) {
    this.resources = List.copyOf(resources);
  }

  /** Reads the table from the classpath. */
  public static ApiResourceTable load() {
    try (InputStream in = ApiResourceTable.class.getClassLoader().getResourceAsStream(LOCATION)) {
      if (in == null) {
        throw new IllegalStateException(LOCATION + " is missing from the classpath of devstack");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<ApiResource> list = new ArrayList<>();
      for (JsonNode gv : root.path("groupVersions")) {
        for (JsonNode r : gv.path("resources")) {
          list.add(
              new ApiResource(
                  gv.path("group").asText(""),
                  gv.path("version").asText(),
                  r.path("name").asText(),
                  r.path("singularName").asText(""),
                  r.path("kind").asText(),
                  r.path("namespaced").asBoolean(true),
                  strings(r.path("shortNames")),
                  strings(r.path("subresources")),
                  strings(r.path("categories"))));
        }
      }
      return new ApiResourceTable(list);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LOCATION + ": " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Every resource, in file order. */
  public List<ApiResource> all() {
    return resources;
  }

  /** The resources of one group version ("v1", "apps/v1"). */
  public List<ApiResource> of(String groupVersion) {
    return resources.stream().filter(r -> r.groupVersion().equals(groupVersion)).toList();
  }

  /** The distinct group versions, core first. */
  public List<String> groupVersions() {
    return resources.stream().map(ApiResource::groupVersion).distinct().toList();
  }

  /** Looks a resource up by group version and plural. */
  public Optional<ApiResource> find(String groupVersion, String plural) {
    return resources.stream()
        .filter(r -> r.groupVersion().equals(groupVersion) && r.plural().equals(plural))
        .findFirst();
  }
}
