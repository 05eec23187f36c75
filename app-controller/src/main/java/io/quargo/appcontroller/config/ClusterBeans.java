package io.quargo.appcontroller.config;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.appcontroller.health.HealthAssessor;
import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.appcontroller.kube.TrackedObjects;
import io.quargo.appcontroller.sync.SyncConfig;
import io.quargo.appcontroller.sync.SyncEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI beans for the in-cluster destination: cluster access, tracked objects, health, sync. */
@ApplicationScoped
public class ClusterBeans {

  @Produces
  @Singleton
  ClusterObjects clusterObjects(KubernetesClient client) {
    return new ClusterObjects(client);
  }

  @Produces
  @Singleton
  TrackedObjects trackedObjects(ClusterObjects cluster) {
    return new TrackedObjects(cluster);
  }

  @Produces
  @Singleton
  HealthAssessor healthAssessor() {
    return HealthAssessor.standard();
  }

  @Produces
  @Singleton
  SyncEngine syncEngine(ClusterObjects cluster, HealthAssessor health, ControllerConfig config) {
    SyncConfig sync =
        SyncConfig.defaults()
            .withHealthTimeout(config.sync().healthTimeout())
            .withPollInterval(config.sync().pollInterval());
    return new SyncEngine(cluster, health, sync);
  }
}
