package io.quargo.gateway.support;

import io.quargo.testkit.postgres.TestPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Starts the {@link AppControllerStandIn} for the gateway under test, gives the gateway a fresh
 * {@code api_gateway} schema (so admin is created and its password file written), and sets the test
 * accounts and RBAC policy.
 */
public class AppControllerStandInResource implements QuarkusTestResourceLifecycleManager {

  /** The stand-in of this test JVM. */
  public static final AppControllerStandIn APP_CONTROLLER = new AppControllerStandIn();

  /** Where the gateway writes the initial admin password. */
  public static Path passwordFile;

  /** The policy the tests check, as argocd-rbac-cm's policy.csv. */
  public static final String POLICY =
      """
      g, reader, role:readonly
      p, role:guest-deployer, applications, get, default/*, allow
      p, role:guest-deployer, applications, sync, default/guest*, allow
      g, deployer, role:guest-deployer
      p, role:all-but, applications, *, */*, allow
      p, role:all-but, applications, sync, default/guestbook, deny
      g, denier, role:all-but
      p, role:other-admin, repositories, *, other/*, allow
      p, role:other-admin, clusters, *, other/*, allow
      g, scoped, role:other-admin
      p, role:app-syncer, applications, sync, default/*, allow
      g, role:release, role:app-syncer
      g, releaser, role:release
      p, role:restarter, applications, action/apps/Deployment/restart, default/*, allow
      g, restarter, role:restarter
      p, role:pauser, applications, action/apps/Deployment/pause, */*, allow
      g, pauser, role:pauser
      p, role:any-action, applications, action/*, */*, allow
      g, any-action, role:any-action
      g, restart-denied, role:any-action
      p, role:no-guestbook-restart, applications, action/apps/Deployment/restart, default/guestbook, deny
      g, restart-denied, role:no-guestbook-restart
      """
          + RbacMatrixPolicy.CSV;

  @Override
  public Map<String, String> start() {
    try {
      APP_CONTROLLER.reset();
      APP_CONTROLLER.start();
      passwordFile = Files.createTempDirectory("gateway-test").resolve("admin-password");
      TestPostgres.Connection c = TestPostgres.connection();
      try (var db = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password())) {
        db.createStatement().execute("DROP SCHEMA IF EXISTS api_gateway CASCADE");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset schema api_gateway", e);
    }
    Map<String, String> config = new java.util.HashMap<>(RbacMatrixPolicy.ACCOUNTS);
    config.putAll(
        Map.ofEntries(
            Map.entry("quarkus.rest-client.app-controller.url", APP_CONTROLLER.url()),
            Map.entry("quargo.gateway.admin.initial-password-file", passwordFile.toString()),
            Map.entry("quargo.gateway.rbac.policy-csv", POLICY),
            Map.entry("quargo.gateway.accounts.reader.enabled", "true"),
            Map.entry("quargo.gateway.accounts.deployer.enabled", "true"),
            Map.entry("quargo.gateway.accounts.denier.enabled", "true"),
            Map.entry("quargo.gateway.accounts.changer.enabled", "true"),
            Map.entry("quargo.gateway.accounts.scoped.enabled", "true"),
            Map.entry("quargo.gateway.accounts.locked.enabled", "false"),
            Map.entry("quargo.gateway.accounts.releaser.enabled", "true"),
            Map.entry("quargo.gateway.accounts.nobody.enabled", "true"),
            Map.entry("quargo.gateway.accounts.restarter.enabled", "true"),
            Map.entry("quargo.gateway.accounts.pauser.enabled", "true"),
            Map.entry("quargo.gateway.accounts.any-action.enabled", "true"),
            Map.entry("quargo.gateway.accounts.restart-denied.enabled", "true"),
            Map.entry("quargo.gateway.rbac.require-override-privilege-for-revision-sync", "true"),
            Map.entry("quarkus.http.limits.max-body-size", "64K")));
    return config;
  }

  @Override
  public void stop() {
    APP_CONTROLLER.stop();
  }
}
