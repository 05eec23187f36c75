package io.quargo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code quargo app patch-resource|delete-resource} against the gateway stand-in, as argocd's. */
class AppResourceEditCommandsTest extends GatewayCliTest {

  private static final String APP = "/api/v1/applications/guestbook";
  private static final String TREE =
      "{\"nodes\":[{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\","
          + "\"namespace\":\"default\",\"name\":\"guestbook-ui\"},"
          + "{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\","
          + "\"namespace\":\"staging\",\"name\":\"guestbook-ui\"},"
          + "{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Service\","
          + "\"namespace\":\"default\",\"name\":\"guestbook-ui\"}]}";

  /** The patch route of the Deployment in default, with the merge patch type. */
  private static final String PATCH =
      APP
          + "/resource?group=apps&kind=Deployment&namespace=default"
          + "&patchType=application%2Fmerge-patch%2Bjson&resourceName=guestbook-ui&version=v1";

  AppResourceEditCommandsTest() {
    super(Access.TOKEN);
  }

  @BeforeEach
  void server() {
    gateway.on("GET", APP + "/resource-tree", TREE);
  }

  @Test
  void patchResourceSendsThePatchAsAJsonStringWithItsType() {
    String path = PATCH.replace("merge-patch", "json-patch");
    gateway.on("POST", path, "{\"manifest\":\"{}\"}");

    CliRunner.Result result =
        cli.run(
            "app",
            "patch-resource",
            "guestbook",
            "--kind",
            "Deployment",
            "--resource-name",
            "guestbook-ui",
            "--namespace",
            "default",
            "--patch",
            "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]",
            "--patch-type",
            "application/json-patch+json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).contains("Resource 'guestbook-ui' patched");
    assertThat(gateway.last("POST", path).body())
        .isEqualTo(
            "\"[{\\\"op\\\":\\\"replace\\\",\\\"path\\\":\\\"/spec/replicas\\\",\\\"value\\\":2}]\"");
  }

  @Test
  void patchResourceDefaultsToAMergePatch() {
    gateway.on("POST", PATCH, "{\"manifest\":\"{}\"}");

    CliRunner.Result result =
        cli.run(
            "app",
            "patch-resource",
            "guestbook",
            "--kind",
            "Deployment",
            "--resource-name",
            "guestbook-ui",
            "--namespace",
            "default",
            "--patch",
            "{\"spec\":{\"replicas\":3}}");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(gateway.last("POST", PATCH).body())
        .isEqualTo("\"{\\\"spec\\\":{\\\"replicas\\\":3}}\"");
  }

  @Test
  void severalMatchesNeedAll() {
    CliRunner.Result result =
        cli.run(
            "app",
            "delete-resource",
            "guestbook",
            "--kind",
            "Deployment",
            "--resource-name",
            "guestbook-ui");

    assertThat(result.exitCode()).isNotEqualTo(Main.OK);
    assertThat(result.err()).contains("2 resources match").contains("--all");
    assertThat(gateway.requests()).noneMatch(r -> r.method().equals("DELETE"));
  }

  @Test
  void deleteResourcePassesForceAndOrphanForEachMatchWithAll() {
    String defaultNs =
        APP
            + "/resource?force=true&group=apps&kind=Deployment&namespace=default"
            + "&orphan=true&resourceName=guestbook-ui&version=v1";
    String staging = defaultNs.replace("namespace=default", "namespace=staging");
    gateway.on("DELETE", defaultNs, "{}");
    gateway.on("DELETE", staging, "{}");

    CliRunner.Result result =
        cli.run(
            "app",
            "delete-resource",
            "guestbook",
            "--kind",
            "Deployment",
            "--resource-name",
            "guestbook-ui",
            "--group",
            "apps",
            "--force",
            "--orphan",
            "--all");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
    assertThat(result.out().lines())
        .containsExactly("Resource 'guestbook-ui' deleted", "Resource 'guestbook-ui' deleted");
    gateway.last("DELETE", defaultNs);
    gateway.last("DELETE", staging);
  }

  @Test
  void aResourceNotInTheAppIsAnErrorAndTheGatewaysRefusalIsShown() {
    CliRunner.Result missing =
        cli.run(
            "app", "delete-resource", "guestbook", "--kind", "ConfigMap", "--resource-name", "x");
    assertThat(missing.exitCode()).isNotEqualTo(Main.OK);
    assertThat(missing.err()).contains("no ConfigMap x in application guestbook");

    gateway.problem(
        "POST",
        PATCH,
        403,
        "{\"status\":403,\"detail\":\"permission denied: applications, update, default/guestbook\"}");
    CliRunner.Result denied =
        cli.run(
            "app",
            "patch-resource",
            "guestbook",
            "--kind",
            "Deployment",
            "--resource-name",
            "guestbook-ui",
            "--namespace",
            "default",
            "--patch",
            "{}");
    assertThat(denied.exitCode()).isNotEqualTo(Main.OK);
    assertThat(denied.err()).contains("applications, update, default/guestbook");
  }
}
