package io.quargo.devstack.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The endpoints controller: an Endpoints object per Service with a selector, from pod IPs. */
final class EndpointsSimulator {
  /** Marks the Endpoints the simulator made, so it removes only those with their Service. */
  static final String MANAGED_BY = "endpoints.kubernetes.io/managed-by";

  private static final String CONTROLLER = "endpoint-controller";
  private final SimContext ctx;

  EndpointsSimulator(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(List<Service> services, List<Pod> pods, List<Endpoints> existing) {
    for (Service svc : services) {
      Map<String, String> selector = svc.getSpec().getSelector();
      if (selector == null || selector.isEmpty()) {
        continue;
      }
      String ns = svc.getMetadata().getNamespace();
      List<Pod> matching =
          pods.stream()
              .filter(p -> ns.equals(p.getMetadata().getNamespace()))
              .filter(PodStates::active)
              .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
              .filter(p -> labelsOf(p).entrySet().containsAll(selector.entrySet()))
              .toList();
      List<EndpointAddress> ready = new ArrayList<>();
      List<EndpointAddress> notReady = new ArrayList<>();
      matching.forEach(p -> (PodStates.ready(p) ? ready : notReady).add(address(p)));
      List<EndpointSubset> subsets = new ArrayList<>();
      if (!matching.isEmpty()) {
        subsets.add(
            new EndpointSubsetBuilder()
                .withAddresses(ready)
                .withNotReadyAddresses(notReady)
                .withPorts(ports(svc, matching.get(0)))
                .build());
      }
      Endpoints old =
          existing.stream()
              .filter(e -> ns.equals(e.getMetadata().getNamespace()))
              .filter(e -> svc.getMetadata().getName().equals(e.getMetadata().getName()))
              .findFirst()
              .orElse(null);
      if (old != null && Objects.equals(old.getSubsets(), subsets)) {
        continue;
      }
      Endpoints wanted =
          new EndpointsBuilder()
              .withNewMetadata()
              .withName(svc.getMetadata().getName())
              .withNamespace(ns)
              .withLabels(svc.getMetadata().getLabels())
              .addToLabels(MANAGED_BY, CONTROLLER)
              .endMetadata()
              .withSubsets(subsets)
              .build();
      if (old == null) {
        ctx.client.endpoints().inNamespace(ns).resource(wanted).create();
      } else {
        ctx.client.endpoints().inNamespace(ns).resource(wanted).update();
      }
    }
  }

  /** Deletes the Endpoints the simulator made for Services that are gone. */
  void removeOrphans(List<Service> services, List<Endpoints> existing) {
    for (Endpoints e : existing) {
      boolean ours = CONTROLLER.equals(labelsOf(e.getMetadata().getLabels()).get(MANAGED_BY));
      boolean serviceExists =
          services.stream()
              .anyMatch(
                  s ->
                      s.getMetadata().getName().equals(e.getMetadata().getName())
                          && s.getMetadata().getNamespace().equals(e.getMetadata().getNamespace()));
      if (ours && !serviceExists) {
        ctx.client.endpoints().inNamespace(e.getMetadata().getNamespace()).resource(e).delete();
      }
    }
  }

  private static EndpointAddress address(Pod p) {
    return new EndpointAddressBuilder()
        .withIp(p.getStatus().getPodIP())
        .withNodeName(KubeletSimulator.NODE)
        .withNewTargetRef()
        .withKind("Pod")
        .withName(p.getMetadata().getName())
        .withNamespace(p.getMetadata().getNamespace())
        .withUid(p.getMetadata().getUid())
        .endTargetRef()
        .build();
  }

  private static List<EndpointPort> ports(Service svc, Pod pod) {
    List<EndpointPort> out = new ArrayList<>();
    for (ServicePort sp : svc.getSpec().getPorts()) {
      int port = sp.getPort();
      if (sp.getTargetPort() != null && sp.getTargetPort().getIntVal() != null) {
        port = sp.getTargetPort().getIntVal();
      } else if (sp.getTargetPort() != null && sp.getTargetPort().getStrVal() != null) {
        port = namedPort(pod, sp.getTargetPort().getStrVal(), port);
      }
      String protocol = sp.getProtocol() == null ? "TCP" : sp.getProtocol();
      out.add(
          new EndpointPortBuilder()
              .withName(sp.getName())
              .withPort(port)
              .withProtocol(protocol)
              .build());
    }
    return out;
  }

  private static int namedPort(Pod pod, String name, int fallback) {
    for (Container c : pod.getSpec().getContainers()) {
      for (var p : c.getPorts()) {
        if (name.equals(p.getName())) {
          return p.getContainerPort();
        }
      }
    }
    return fallback;
  }

  private static Map<String, String> labelsOf(Pod p) {
    return labelsOf(p.getMetadata().getLabels());
  }

  private static Map<String, String> labelsOf(Map<String, String> labels) {
    return labels == null ? Map.of() : labels;
  }
}
