package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Large JSON answers passed through from app-controller are gzipped for clients that accept it
 * (with Content-Length and Vary), and sent plain to those that do not or for small answers.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class CompressedAnswersTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TestHTTPResource("/api/v1/applications")
  URL applications;

  private String token;

  @BeforeEach
  void seed() throws Exception {
    APP_CONTROLLER.reset();
    APP_CONTROLLER.seedApps(200);
    token = tokenFor("admin");
  }

  private HttpResponse<byte[]> get(String url, String acceptEncoding) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aLargeListIsGzippedForAClientThatAcceptsItAndPlainOtherwise() throws Exception {
    HttpResponse<byte[]> plain = get(applications.toString(), null);
    HttpResponse<byte[]> gzipped = get(applications.toString(), "br, gzip;q=0.8");

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    JsonNode list = Json.mapper().readTree(plain.body());
    assertThat(list.path("items").size()).isGreaterThanOrEqualTo(200);

    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(gzipped.headers().firstValue("Vary"))
        .hasValueSatisfying(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
    assertThat(gzipped.headers().firstValueAsLong("Content-Length"))
        .hasValue(gzipped.body().length);
    assertThat(gzipped.body().length).isLessThan(plain.body().length / 4);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
  }

  @Test
  void gzipRefusedWithQZeroAndSmallAnswersAreSentPlain() throws Exception {
    HttpResponse<byte[]> refused = get(applications.toString(), "gzip;q=0, identity");
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(Json.mapper().readTree(refused.body()).path("items").size())
        .isGreaterThanOrEqualTo(200);

    HttpResponse<byte[]> one = get(applications + "/app-4", "gzip");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(Json.mapper().readTree(one.body()).path("metadata").path("name").asText())
        .isEqualTo("app-4");
  }
}
