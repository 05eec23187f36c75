package io.quargo.appcontroller.sync;

import static io.quargo.appcontroller.sync.SyncFixtures.engine;
import static io.quargo.appcontroller.sync.SyncFixtures.manifests;
import static io.quargo.appcontroller.sync.SyncFixtures.named;
import static io.quargo.appcontroller.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.common.model.OperationPhase;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.testkit.sandbox.SandboxClusterExtension;
import io.quargo.testkit.sandbox.TestSandbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task order and dry-run validation, read from dry-run syncs against the sandbox's discovery. */
@ExtendWith(SandboxClusterExtension.class)
class SyncOrderTest {

  private static final String NS = TestSandbox.NAMESPACE;

  @Test
  void kindsOfOneWaveFollowArgoKindOrderWithUnknownKindsLast(KubernetesClient client) {
    SyncResult result = dryRun(client, manifests("kinds"), List.of());

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::kind)
        .containsExactly(
            "ServiceAccount",
            "Secret",
            "ConfigMap",
            "Role",
            "Service",
            "Deployment",
            "Job",
            "Ingress",
            "Rollout");
    assertThat(result.resources()).extracting(ResourceResult::message).containsOnly("(dry run)");
  }

  @Test
  void helmHooksMapToArgoPhasesWithTheirWeightAsWaveAndSkipIsLeftOut(KubernetesClient client) {
    SyncResult result = dryRun(client, manifests("helm-hooks"), List.of());

    assertThat(result.resources())
        .extracting(
            ResourceResult::name,
            ResourceResult::syncPhase,
            ResourceResult::wave,
            ResourceResult::hookType)
        .containsExactly(
            tuple("db-init", SyncPhase.PRE_SYNC, -5, "PreSync"),
            tuple("settings", SyncPhase.SYNC, 3, null),
            tuple("smoke", SyncPhase.POST_SYNC, 0, "PostSync"));
  }

  @Test
  void aNamespaceInTheManifestsMovesToTheWaveOfItsFirstResource(KubernetesClient client) {
    String namespace = unique("ordered");
    List<ObjectNode> desired = new ArrayList<>(manifests("helm-hooks").subList(3, 4));
    ((ObjectNode) desired.get(0).get("metadata")).put("namespace", namespace);
    desired.add(
        ManifestCodec.readAll(
                """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                  annotations:
                    argocd.argoproj.io/sync-wave: "10"
                """
                    .formatted(namespace))
            .get(0));

    SyncResult result = dryRun(client, desired, List.of());

    assertThat(result.phase()).as(result.message()).isEqualTo(OperationPhase.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::kind, ResourceResult::wave)
        .containsExactly(tuple("Namespace", 3), tuple("ConfigMap", 3));
  }

  @Test
  void aKindTheClusterDoesNotServeFailsTheDryRunUnlessSkipped(KubernetesClient client) {
    List<ObjectNode> desired =
        ManifestCodec.readAll(
            """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web}
            spec: {secretName: web-tls}
            """);

    SyncResult refused = dryRun(client, desired, List.of());
    SyncResult skipped = dryRun(client, desired, List.of("SkipDryRunOnMissingResource=true"));

    assertThat(refused.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(refused.message())
        .contains("cert-manager.io/v1 Certificate is not served by the cluster")
        .contains("SkipDryRunOnMissingResource=true");
    assertThat(skipped.phase()).as(skipped.message()).isEqualTo(OperationPhase.SUCCEEDED);
  }

  @Test
  void aNonStringLabelFailsValidationUnlessValidateIsFalse(KubernetesClient client) {
    List<ObjectNode> desired = manifests("guestbook");
    named(desired, "Service", "guestbook-ui").with("metadata").with("labels").put("replicas", 3);

    SyncResult refused = dryRun(client, desired, List.of());
    SyncResult accepted = dryRun(client, desired, List.of("Validate=false"));

    assertThat(refused.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(refused.message())
        .contains("metadata.labels.replicas of guestbook-ui must be a string");
    assertThat(accepted.phase()).as(accepted.message()).isEqualTo(OperationPhase.SUCCEEDED);
  }

  private static SyncResult dryRun(
      KubernetesClient client, List<ObjectNode> desired, List<String> options) {
    return engine(client)
        .sync(
            SyncRequest.of(unique("order"), NS, desired).withDryRun(true).withSyncOptions(options));
  }
}
