package io.quargo.devstack.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;

/** Builds the responses and internal requests the sandbox dispatcher needs. */
final class Responses {
  private Responses() {}

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  /** A Kubernetes {@code Status} failure, the shape kubectl and fabric8 print. */
  static MockResponse failure(int code, String reason, String message) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("kind", "Status").put("apiVersion", "v1").putObject("metadata");
    s.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
    return json(code, s.toString());
  }

  /** A request the dispatcher hands to the CRUD store on behalf of a client request. */
  static RecordedRequest request(HttpMethod method, String path, String jsonBody) {
    Headers headers =
        jsonBody == null
            ? Headers.builder().build()
            : Headers.builder().add("Content-Type", "application/json").build();
    byte[] body = jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8);
    return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer(body));
  }

  /** The request body as text, without consuming it. */
  static String body(RecordedRequest request) {
    return request.getBody() == null
        ? ""
        : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
  }
}
