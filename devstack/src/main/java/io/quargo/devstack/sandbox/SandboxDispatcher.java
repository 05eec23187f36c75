package io.quargo.devstack.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
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

  SandboxDispatcher(
      KubernetesCrudDispatcher store,
      ApiResourceTable table,
      ApiDiscovery discovery,
      Runnable onRequest) {
    this.store = store;
    this.table = table;
    this.discovery = discovery;
    this.onRequest = onRequest;
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
            .setHeader("Content-Type", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf")
            .setBody(EMPTY_OPENAPI_V2);
      }
      if (path.startsWith("/openapi/")) {
        return Responses.failure(404, "NotFound", "the sandbox cluster serves no OpenAPI v3");
      }
    }
    return withJsonType(store.dispatch(request));
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
