package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static org.awaitility.Awaitility.await;

import io.quargo.common.json.Json;
import io.quargo.gateway.auth.RevokedToken;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A token another gateway replica revoked (a row in {@code revoked_token}, written by its logout)
 * is refused here too within the refresh interval, without a restart.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class RevocationRefreshTest {

  @Test
  void aLogoutStoredByAnotherReplicaIsRefusedHereWithinTheRefreshInterval() throws Exception {
    String token = tokenFor("admin");
    as(token).get("/api/v1/account").then().statusCode(200);

    String jti = claims(token).path("jti").asText();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              RevokedToken row = new RevokedToken();
              row.jti = jti;
              row.expiresAt = Instant.now().plus(Duration.ofHours(1));
              row.persist();
            });

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> as(token).get("/api/v1/account").then().statusCode(401));
  }

  private static com.fasterxml.jackson.databind.JsonNode claims(String jwt) throws Exception {
    return Json.mapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }
}
