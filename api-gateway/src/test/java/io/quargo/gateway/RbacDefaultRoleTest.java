package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static io.quargo.gateway.support.AppControllerStandInResource.APP_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Argo CD's {@code policy.default}: with {@code role:readonly} as the default role, an account
 * without any policy line may get every app, project, repository and cluster through every read
 * route, and still change nothing ({@link RbacMatrixTest} shows the same account refused everywhere
 * without a default role).
 */
@QuarkusTest
@TestProfile(RbacDefaultRoleTest.ReadonlyByDefault.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class RbacDefaultRoleTest {

  /** The gateway with {@code quargo.gateway.rbac.default-role=role:readonly}. */
  public static class ReadonlyByDefault implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quargo.gateway.rbac.default-role", "role:readonly");
    }
  }

  private static final String APP = "/api/v1/applications/guestbook";

  @BeforeEach
  void seed() {
    APP_CONTROLLER.reset();
  }

  @Test
  void anAccountWithNoPolicyReadsThroughTheDefaultRole() throws Exception {
    String nobody = tokenFor("nobody");
    as(nobody)
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body(
            "items.metadata.name",
            containsInAnyOrder("billing", "guestbook", "guestbook-2", "other-app"));
    for (String path :
        new String[] {
          APP,
          APP + "/managed-resources",
          APP + "/resource-tree",
          APP + "/manifests",
          APP + "/diff",
          APP + "/syncwindows",
          APP + "/resource?resourceName=guestbook-ui&kind=Deployment&version=v1&group=apps",
          "/api/v1/projects/other",
          "/api/v1/account"
        }) {
      as(nobody).get(path).then().statusCode(200);
    }
    as(nobody)
        .get("/api/v1/account/can-i/applications/get/other/other-app")
        .then()
        .body("value", is("yes"));
  }

  @Test
  void theDefaultRoleGrantsNoWrite() throws Exception {
    String nobody = tokenFor("nobody");
    String before = APP_CONTROLLER.snapshot();
    as(nobody)
        .body("{}")
        .post(APP + "/sync")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("applications, sync, default/guestbook"));
    as(nobody).delete(APP + "/operation").then().statusCode(403);
    as(nobody).body("{\"patch\":\"{}\",\"patchType\":\"merge\"}").patch(APP).then().statusCode(403);
    as(nobody).delete("/api/v1/projects/default").then().statusCode(403);
    assertThat(APP_CONTROLLER.snapshot()).isEqualTo(before);
    assertThat(APP_CONTROLLER.requests()).allMatch(r -> r.startsWith("GET "));
  }
}
