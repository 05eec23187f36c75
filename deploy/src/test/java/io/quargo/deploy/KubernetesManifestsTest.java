package io.quargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests parse, and their Services, RBAC bindings, accounts and images fit. */
class KubernetesManifestsTest {

  private static final ProjectLayout LAYOUT = ProjectLayout.current();
  private static final Path KUBERNETES = LAYOUT.deploy().resolve("kubernetes");
  private static final Path FIXTURES = LAYOUT.deploy().resolve("src/test/resources/fixtures/k8s");

  @Test
  void everyYamlFileParsesIntoKubernetesObjects() {
    List<Manifest> all = Manifest.readTree(KUBERNETES);
    assertThat(all).hasSizeGreaterThan(20);
    assertThat(all)
        .allSatisfy(
            m -> {
              assertThat(m.node().path("apiVersion").asText()).as(m.file().toString()).isNotEmpty();
              assertThat(m.kind()).as(m.file().toString()).isNotEmpty();
            });
  }

  @Test
  void everyKustomizationBuildHasConsistentReferences() {
    List<Path> roots = KustomizeTree.roots(KUBERNETES);
    assertThat(roots).contains(KUBERNETES.resolve("base"), KUBERNETES.resolve("overlays/dev"));
    List<String> problems = new ArrayList<>();
    for (Path root : roots) {
      List<Manifest> build = KustomizeTree.resources(root);
      ManifestRules rules = new ManifestRules(build);
      problems.addAll(rules.services());
      problems.addAll(rules.bindings());
      problems.addAll(rules.serviceAccounts());
      problems.addAll(new ImageRules(LAYOUT).checkWorkloads(build));
      problems.addAll(new ServiceWorkloadRules(LAYOUT).check(build));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void baseDeploysEveryServiceModuleWithItsOwnAccount() {
    List<Manifest> base = KustomizeTree.resources(KUBERNETES.resolve("base"));
    List<String> deployed =
        base.stream().filter(m -> m.kind().equals("Deployment")).map(Manifest::name).toList();
    List<String> services = LAYOUT.modules().stream().filter(LAYOUT::hasDockerfile).toList();
    assertThat(services).hasSize(7);
    assertThat(deployed).containsExactlyInAnyOrderElementsOf(services);
  }

  @Test
  void serviceSelectingNoWorkloadIsReported() {
    assertThat(rules("service-selects-nothing.yaml").services())
        .singleElement()
        .asString()
        .contains("Service/api", "matches 0 workloads");
  }

  @Test
  void serviceTargetingAnUndeclaredPortIsReported() {
    assertThat(rules("service-wrong-target-port.yaml").services())
        .singleElement()
        .asString()
        .contains("targetPort 9090 is not a container port");
  }

  @Test
  void bindingToAMissingRoleIsReported() {
    assertThat(rules("binding-missing-role.yaml").bindings())
        .singleElement()
        .asString()
        .contains("RoleBinding/ctl", "Role/ctl-role, which no manifest defines");
  }

  @Test
  void bindingOfAMissingServiceAccountIsReported() {
    assertThat(rules("binding-missing-account.yaml").bindings())
        .singleElement()
        .asString()
        .contains("ClusterRoleBinding/ctl", "ServiceAccount/ghost");
  }

  @Test
  void deploymentRunningAsAMissingServiceAccountIsReported() {
    assertThat(rules("deployment-missing-account.yaml").serviceAccounts())
        .singleElement()
        .asString()
        .contains("Deployment/api", "ServiceAccount/ghost");
  }

  @Test
  void imagesOfUnknownModulesOrRegistriesAndWrongTagsAreReported() {
    List<Manifest> docs = Manifest.read(FIXTURES.resolve("unknown-images.yaml"));
    assertThat(new ImageRules(LAYOUT).checkWorkloads(docs))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("no-such-module, which the root pom.xml lacks"))
        .anySatisfy(p -> assertThat(p).contains("nginx:1.27 is neither quargo/<module>"))
        .anySatisfy(
            p -> assertThat(p).contains("should be tagged quargo/repo-server:" + LAYOUT.version()));
  }

  @Test
  void imageOfAModuleWithoutDockerfileIsReported() {
    assertThat(new ImageRules(LAYOUT).check("quargo/common:" + LAYOUT.version(), "fixture"))
        .singleElement()
        .asString()
        .contains("needs common/src/main/docker/Dockerfile.jvm");
  }

  @Test
  void serviceDeploymentNotMatchingItsModuleIsReported() {
    List<Manifest> docs = Manifest.read(FIXTURES.resolve("service-workload-misconfigured.yaml"));
    assertThat(new ServiceWorkloadRules(LAYOUT).check(docs))
        .hasSize(8)
        .anySatisfy(p -> assertThat(p).contains("declares ports [8080]", "quarkus.http.port=8082"))
        .anySatisfy(p -> assertThat(p).contains("livenessProbe must GET /q/health/live"))
        .anySatisfy(p -> assertThat(p).contains("readinessProbe must GET /q/health/ready"))
        .anySatisfy(p -> assertThat(p).contains("no envFrom ConfigMap"))
        .anySatisfy(p -> assertThat(p).contains("QUARGO_DB_USER is unset"))
        .anySatisfy(p -> assertThat(p).contains("QUARGO_DB_PASSWORD is unset"))
        .anySatisfy(p -> assertThat(p).contains("runAsNonRoot"))
        .anySatisfy(p -> assertThat(p).contains("readOnlyRootFilesystem"));
  }

  private static ManifestRules rules(String fixture) {
    return new ManifestRules(Manifest.read(FIXTURES.resolve(fixture)));
  }
}
