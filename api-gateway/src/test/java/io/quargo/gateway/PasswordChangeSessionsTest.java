package io.quargo.gateway;

import static io.quargo.gateway.GatewayApiTest.adminPassword;
import static io.quargo.gateway.GatewayApiTest.as;
import static io.quargo.gateway.GatewayApiTest.login;
import static io.quargo.gateway.GatewayApiTest.tokenFor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quargo.gateway.account.Account;
import io.quargo.gateway.auth.PasswordChanges;
import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

/**
 * As Argo CD: once an account's password changes (its own change or an admin's reset), every
 * session of it issued before is refused with 401 "account password has changed since token
 * issued", also on another gateway replica, and so is every API token of it issued before (as Argo
 * CD's session manager does); a new login and a new token work at once, and other accounts'
 * sessions stay valid. The same password set again is no change.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
@WithTestResource(AccountTokenAccounts.class)
class PasswordChangeSessionsTest {

  private static final String ENDED = "account password has changed since token issued";

  private static void works(String token, String account) {
    as(token).get("/api/v1/account/" + account).then().statusCode(200);
  }

  private static void ended(String token, String account) {
    as(token)
        .get("/api/v1/account/" + account)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString(ENDED));
  }

  @Test
  void anOwnChangeEndsEverySessionAndApiTokenOfTheAccountButNotOtherAccounts() throws Exception {
    String admin = tokenFor("admin");
    String reader = tokenFor("reader");
    String robot = tokenFor("robot");
    String robotElsewhere = login("robot", "pw-robot");
    String apiKey =
        as(robot)
            .body(Map.of("id", "kept-" + System.nanoTime()))
            .post("/api/v1/account/robot/token")
            .then()
            .statusCode(200)
            .extract()
            .path("token");
    works(robot, "robot");
    works(robotElsewhere, "robot");
    works(apiKey, "robot");

    as(robot)
        .body(Map.of("currentPassword", "pw-robot", "newPassword", "robot-changed"))
        .put("/api/v1/account/password")
        .then()
        .statusCode(200);

    ended(robot, "robot");
    ended(robotElsewhere, "robot");
    ended(apiKey, "robot");
    String newLogin = login("robot", "robot-changed");
    works(newLogin, "robot");
    String newApiKey =
        as(newLogin)
            .body(Map.of("id", "new-" + System.nanoTime()))
            .post("/api/v1/account/robot/token")
            .then()
            .statusCode(200)
            .extract()
            .path("token");
    works(newApiKey, "robot");
    works(reader, "reader");
    works(admin, "robot");
  }

  @Test
  void anAdminsResetEndsTheAccountsSessionsAndNotTheAdmins() throws Exception {
    String admin = tokenFor("admin");
    String reader = tokenFor("reader");
    works(reader, "reader");

    as(admin)
        .body(
            Map.of("name", "reader", "currentPassword", adminPassword(), "newPassword", "reset-pw"))
        .put("/api/v1/account/password")
        .then()
        .statusCode(200);

    ended(reader, "reader");
    works(login("reader", "reset-pw"), "reader");
    works(admin, "reader");
  }

  @Test
  void settingTheSamePasswordAgainIsNoChangeAndEndsNoSession() throws Exception {
    String robot = tokenFor("robot");

    as(robot)
        .body(Map.of("currentPassword", "pw-robot", "newPassword", "pw-robot"))
        .put("/api/v1/account/password")
        .then()
        .statusCode(200);

    works(robot, "robot");
  }

  @Test
  void aChangeStoredByAnotherReplicaEndsTheSessionsHereWithinTheRefreshInterval() throws Exception {
    String robot = tokenFor("robot");
    works(robot, "robot");

    // another gateway replica changes the password: only the row changes, this one was not asked
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Account account = Account.findById("robot");
              account.passwordHash = BCrypt.hashpw("robot-elsewhere", BCrypt.gensalt(4));
              Instant sessionsSoFar =
                  Instant.ofEpochSecond(PasswordChanges.sessionsValidFrom(account.passwordMtime));
              Instant now = Instant.now();
              account.passwordMtime = now.isAfter(sessionsSoFar) ? now : sessionsSoFar;
            });

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ended(robot, "robot"));
    works(login("robot", "robot-elsewhere"), "robot");
  }
}
