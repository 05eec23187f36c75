package io.quargo.devstack.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * Wraps fabric8's {@link KubernetesCrudDispatcher} and fixes only what it gets wrong: discovery,
 * protobuf bodies, patches, the scale subresource and status on writes. Everything else is the
 * stock CRUD store.
 */
final class SandboxDispatcher extends Dispatcher {
  private static final byte[] EMPTY_OPENAPI_V2 = {};
  private final KubernetesCrudDispatcher store;
  private final ApiResourceTable table;
  private final ApiDiscovery discovery;
  private final Runnable onRequest;
  private final StoreAccess access;
  private final PatchRequests patches;
  private final ScaleSubresource scale;

  SandboxDispatcher(
      KubernetesCrudDispatcher store,
      ApiResourceTable table,
      ApiDiscovery discovery,
      Runnable onRequest) {
    this.store = store;
    this.table = table;
    this.discovery = discovery;
    this.onRequest = onRequest;
    this.access = new StoreAccess(store);
    this.patches = new PatchRequests(access, table);
    this.scale = new ScaleSubresource(access);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    onRequest.run();
    String path = pathOf(request.getPath());
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && contentType.contains("protobuf")) {
      return Responses.failure(
          415,
          "UnsupportedMediaType",
          "the sandbox cluster (a simulation) accepts JSON and YAML bodies only, not "
              + contentType
              + "; send application/json");
    }
    if (request.getMethod().equals("GET")) {
      String doc = discovery.answer(path);
      if (doc != null) {
        return Responses.json(200, doc);
      }
      if (path.equals("/openapi/v2")) {
        return new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf")
            .setBody(EMPTY_OPENAPI_V2);
      }
      if (path.startsWith("/openapi/")) {
        return Responses.failure(404, "NotFound", "the sandbox cluster serves no OpenAPI v3");
      }
    }
    ResourcePath resource = ResourcePath.parse(path, table);
    if (resource != null && resource.name() != null) {
      if ("scale".equals(resource.subresource())) {
        return scale.handle(resource, request.getMethod(), contentType, Responses.body(request));
      }
      if (request.getMethod().equals("PATCH") && PatchRequests.handles(contentType)) {
        return patches.patch(resource, contentType, Responses.body(request));
      }
      if (request.getMethod().equals("PUT")
          && resource.subresource() == null
          && hasStatus(resource)) {
        return putKeepingStatus(resource, request);
      }
    }
    if (resource != null
        && resource.name() == null
        && request.getMethod().equals("POST")
        && hasStatus(resource)) {
      ObjectNode body = (ObjectNode) StoreAccess.parse(Responses.body(request));
      PatchRequests.resetStatus(body);
      return withJsonType(
          store.dispatch(Responses.request(HttpMethod.POST, request.getPath(), body.toString())));
    }
    return withJsonType(store.dispatch(request));
  }

  private boolean hasStatus(ResourcePath resource) {
    return table
        .find(resource.groupVersion(), resource.plural())
        .map(r -> r.has("status"))
        .orElse(false);
  }

  // A PUT of the whole object leaves the status alone when the kind has a status subresource.
  private MockResponse putKeepingStatus(ResourcePath resource, RecordedRequest request) {
    JsonNode current = access.get(resource.objectPath());
    if (current == null) {
      return withJsonType(store.dispatch(request));
    }
    ObjectNode body = (ObjectNode) StoreAccess.parse(Responses.body(request));
    PatchRequests.restoreStatus(body, current);
    return withJsonType(
        store.dispatch(Responses.request(HttpMethod.PUT, request.getPath(), body.toString())));
  }

  static String pathOf(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  static MockResponse withJsonType(MockResponse response) {
    if (response != null
        && response.getWebSocketListener() == null
        && response.getHeaders().header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }
}
