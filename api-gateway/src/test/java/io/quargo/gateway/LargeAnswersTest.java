package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.common.json.Json;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers larger than a slice are written in windowed slices (see {@code WindowedWrites}): every
 * concurrent reader gets the whole body, byte for byte, and a client that leaves halfway does not
 * stop the gateway answering the next one.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class LargeAnswersTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TestHTTPResource("/api/v1/applications")
  URL applications;

  private String token;

  @BeforeEach
  void seed() throws Exception {
    APP_CONTROLLER.reset();
    APP_CONTROLLER.seedApps(3_000);
    token = tokenFor("admin");
  }

  private CompletableFuture<HttpResponse<byte[]>> list() {
    return HTTP.sendAsync(
        HttpRequest.newBuilder(URI.create(applications.toString()))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void concurrentReadersOfALargeListEachGetAllOfIt() throws Exception {
    byte[] expected = list().get(30, TimeUnit.SECONDS).body();
    assertThat(expected.length).as("the list spans many slices").isGreaterThan(20 * 32 * 1024);
    assertThat(Json.mapper().readTree(expected).path("items").size()).isGreaterThanOrEqualTo(3_000);

    List<CompletableFuture<HttpResponse<byte[]>>> readers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      readers.add(list());
    }
    for (CompletableFuture<HttpResponse<byte[]>> reader : readers) {
      HttpResponse<byte[]> answer = reader.get(60, TimeUnit.SECONDS);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(expected.length);
      assertThat(answer.body()).isEqualTo(expected);
    }
  }

  @Test
  void aClientThatLeavesHalfwayDoesNotStopTheNextAnswer() throws Exception {
    URL url = applications;
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + url.getPath()
                  + " HTTP/1.1\r\nHost: "
                  + url.getHost()
                  + "\r\nAuthorization: Bearer "
                  + token
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] some = in.readNBytes(64 * 1024);
      String head = new String(some, StandardCharsets.US_ASCII);
      assertThat(head).startsWith("HTTP/1.1 200").hasSize(64 * 1024);
      assertThat(head.substring(0, head.indexOf("\r\n\r\n")).toLowerCase())
          .contains("content-type: application/json")
          .containsPattern("content-length: [0-9]{6,}");
    }
    HttpResponse<byte[]> next = list().get(30, TimeUnit.SECONDS);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(next.body()).path("items").size())
        .isGreaterThanOrEqualTo(3_000);
  }
}
