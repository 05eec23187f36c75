package io.quargo.appcontroller.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.quargo.appcontroller.kube.ApiKind;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.common.yaml.ManifestCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AUTO apply mode against fabric8's stock CRUD mock server, which answers server-side apply with an
 * error status (as an API server without it would): the engine falls back to the client-side merge
 * and remembers that for the cluster. The stock mock stands in for "a cluster without SSA".
 */
@EnableKubernetesMockClient(crud = true)
class ApplyModeSyncTest {

  static KubernetesClient client;

  private static final ApiKind CONFIG_MAPS =
      new ApiKind("", "v1", "ConfigMap", "configmaps", true, List.of("get", "list", "create"));

  @Test
  void autoFallsBackToTheClientSideMergeWhenServerSideApplyIsRefused() {
    ClusterObjects cluster = new ClusterObjects(client);
    ResourceApplier applier = new ResourceApplier(cluster, SyncConfig.defaults());
    ObjectNode desired =
        ManifestCodec.readAll(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web, namespace: default}\n"
                    + "data: {a: \"1\"}")
            .get(0);

    String message = applier.apply(CONFIG_MAPS, desired, null, SyncOptionSet.of(List.of()));

    assertThat(message).isEqualTo("created");
    assertThat(applier.serverSideSupported()).isFalse();
    ObjectNode live = cluster.get(CONFIG_MAPS, "default", "web").orElseThrow();
    assertThat(live.path("metadata").path("annotations").has(ResourceApplier.LAST_APPLIED))
        .isTrue();
    assertThat(live.path("data").path("a").asText()).isEqualTo("1");
  }
}
