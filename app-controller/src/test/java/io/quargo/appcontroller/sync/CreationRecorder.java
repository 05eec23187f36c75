package io.quargo.appcontroller.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the order in which objects appear in a namespace, from the cluster's own watch events:
 * each ADDED event's resourceVersion (the store's global write counter) orders the creations.
 */
final class CreationRecorder implements AutoCloseable {

  private final Map<String, Long> created = new ConcurrentHashMap<>();
  private final List<Watch> watches = new ArrayList<>();

  CreationRecorder(KubernetesClient client, String namespace, List<String[]> kinds) {
    for (String[] kind : kinds) {
      ResourceDefinitionContext context =
          new ResourceDefinitionContext.Builder()
              .withGroup(kind[0])
              .withVersion(kind[1])
              .withKind(kind[2])
              .withPlural(kind[3])
              .withNamespaced(true)
              .build();
      watches.add(
          client
              .genericKubernetesResources(context)
              .inNamespace(namespace)
              .watch(
                  new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource resource) {
                      if (action == Action.ADDED) {
                        created.putIfAbsent(
                            resource.getKind() + "/" + resource.getMetadata().getName(),
                            Long.parseLong(resource.getMetadata().getResourceVersion()));
                      }
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                  }));
    }
  }

  /** Deployments, Services, ConfigMaps, Jobs and Pods. */
  static List<String[]> workloadKinds() {
    return List.of(
        new String[] {"apps", "v1", "Deployment", "deployments"},
        new String[] {"", "v1", "Service", "services"},
        new String[] {"", "v1", "ConfigMap", "configmaps"},
        new String[] {"batch", "v1", "Job", "jobs"},
        new String[] {"", "v1", "Pod", "pods"});
  }

  /** {@code Kind/name} of every object seen created, oldest first. */
  List<String> order() {
    return created.entrySet().stream()
        .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public void close() {
    watches.forEach(Watch::close);
  }
}
