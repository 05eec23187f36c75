package io.quargo.devstack.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads and writes whole objects in the CRUD store, the way a client of it would. */
final class StoreAccess {
  static final ObjectMapper JSON = new ObjectMapper();
  private final KubernetesCrudDispatcher store;

  StoreAccess(KubernetesCrudDispatcher store) {
    this.store = store;
  }

  /** The stored object at {@code objectPath}, or null when there is none. */
  JsonNode get(String objectPath) {
    MockResponse r = store.dispatch(Responses.request(HttpMethod.GET, objectPath, null));
    return r.code() == 200 ? parse(bodyOf(r)) : null;
  }

  MockResponse send(HttpMethod method, String path, JsonNode body) {
    return SandboxDispatcher.withJsonType(
        store.dispatch(Responses.request(method, path, body == null ? null : body.toString())));
  }

  static String bodyOf(MockResponse r) {
    return r.getBody() == null ? "" : new String(r.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
