package io.quargo.appcontroller.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quargo.common.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes any kind as Jackson trees (the shape the diff and health packages use): get,
 * list by label, create, JSON merge patch, replace, server-side apply and delete.
 */
public final class ClusterObjects {

  private static final ObjectMapper MAPPER = Json.mapper();

  private final KubernetesClient client;
  private final ApiCatalog catalog;

  public ClusterObjects(KubernetesClient client) {
    this(client, new ApiCatalog(client));
  }

  public ClusterObjects(KubernetesClient client, ApiCatalog catalog) {
    this.client = client;
    this.catalog = catalog;
  }

  public ApiCatalog catalog() {
    return catalog;
  }

  public KubernetesClient client() {
    return client;
  }

  /** The live object, or empty when it does not exist. */
  public Optional<ObjectNode> get(ApiKind kind, String namespace, String name) {
    return Optional.ofNullable(in(kind, namespace).withName(name).get()).map(ClusterObjects::tree);
  }

  /** Every object of {@code kind} in all namespaces that carries {@code label=value}. */
  public List<ObjectNode> listByLabel(ApiKind kind, String label, String value) {
    var ops = client.genericKubernetesResources(kind.context());
    var listing = kind.namespaced() ? ops.inAnyNamespace() : ops;
    return listing.withLabel(label, value).list().getItems().stream()
        .map(ClusterObjects::tree)
        .toList();
  }

  /** Creates {@code object}; the server's copy comes back. */
  public ObjectNode create(ApiKind kind, ObjectNode object) {
    return tree(in(kind, namespaceOf(object)).resource(resource(object)).create());
  }

  /** Applies an RFC 7386 JSON merge patch to an existing object. */
  public ObjectNode mergePatch(ApiKind kind, String namespace, String name, ObjectNode patch) {
    return tree(
        in(kind, namespace)
            .withName(name)
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
  }

  /** Replaces the whole object (PUT) at {@code resourceVersion}. */
  public ObjectNode replace(ApiKind kind, ObjectNode object, String resourceVersion) {
    GenericKubernetesResource resource = resource(object);
    resource.getMetadata().setResourceVersion(resourceVersion);
    return tree(in(kind, namespaceOf(object)).resource(resource).update());
  }

  /** Server-side apply as {@code fieldManager}, taking over conflicting fields (force). */
  public ObjectNode serverSideApply(ApiKind kind, ObjectNode object, String fieldManager) {
    return tree(
        in(kind, namespaceOf(object))
            .resource(resource(object))
            .fieldManager(fieldManager)
            .forceConflicts()
            .serverSideApply());
  }

  /**
   * Deletes with {@code propagation} ({@code foreground}, {@code background} or {@code orphan});
   * false when it was already gone.
   */
  public boolean delete(ApiKind kind, String namespace, String name, String propagation) {
    return !in(kind, namespace)
        .withName(name)
        .withPropagationPolicy(propagation(propagation))
        .delete()
        .isEmpty();
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      in(ApiKind kind, String namespace) {
    var ops = client.genericKubernetesResources(kind.context());
    return kind.namespaced() ? ops.inNamespace(namespace) : ops;
  }

  private static DeletionPropagation propagation(String value) {
    return switch (value == null ? "" : value.toLowerCase()) {
      case "background" -> DeletionPropagation.BACKGROUND;
      case "orphan" -> DeletionPropagation.ORPHAN;
      default -> DeletionPropagation.FOREGROUND;
    };
  }

  private static String namespaceOf(ObjectNode object) {
    return object.path("metadata").path("namespace").asText(null);
  }

  /** The object as a fabric8 generic resource. */
  public static GenericKubernetesResource resource(ObjectNode object) {
    return MAPPER.convertValue(object, GenericKubernetesResource.class);
  }

  /** The resource as a Jackson tree. */
  public static ObjectNode tree(Object resource) {
    return MAPPER.convertValue(resource, ObjectNode.class);
  }

  /** Labels of {@code object} (empty when none). */
  public static Map<String, String> labels(ObjectNode object) {
    return MAPPER.convertValue(
        object.path("metadata").path("labels"),
        MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class));
  }
}
