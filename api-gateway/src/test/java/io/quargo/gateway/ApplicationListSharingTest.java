package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.adminPassword;
import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.login;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;

import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Callers who may see every app share one cached list (one fetch from app-controller for all of
 * them); a caller whose RBAC filters the list keeps its own.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class ApplicationListSharingTest {

  private static long listFetches() {
    return APP_CONTROLLER.requests().stream()
        .filter(
            r -> r.startsWith("GET /api/v1/applications?") || r.equals("GET /api/v1/applications"))
        .count();
  }

  @Test
  void everyoneWhoSeesEveryAppSharesOneListAndAFilteredCallerHasItsOwn() throws Exception {
    String deployer = tokenFor("deployer");
    String admin = login("admin", adminPassword());
    String otherAdminSession = login("admin", adminPassword());
    String readonly = tokenFor("reader");
    String query = "/api/v1/applications?shared-list-check=" + System.nanoTime();
    long before = listFetches();

    as(admin).get(query).then().statusCode(200).body("items.metadata.name", hasItems("other-app"));
    as(otherAdminSession).get(query).then().statusCode(200);
    as(readonly)
        .get(query)
        .then()
        .statusCode(200)
        .body("items.metadata.name", hasItems("other-app"));
    assertThat(listFetches() - before).as("one fetch for three unfiltered callers").isEqualTo(1);

    as(deployer)
        .get(query)
        .then()
        .statusCode(200)
        .body("items.metadata.name", contains("billing", "guestbook", "guestbook-2"));
    assertThat(listFetches() - before).as("the filtered caller's own fetch").isEqualTo(2);
  }
}
