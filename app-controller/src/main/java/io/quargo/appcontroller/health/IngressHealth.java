package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** networking.k8s.io and extensions Ingress: Healthy once the load balancer has an ingress. */
final class IngressHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    return Fields.at(live, "status", "loadBalancer", "ingress").isEmpty()
        ? HealthStatus.progressing("")
        : HealthStatus.healthy("");
  }
}
