package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** core/Service: a LoadBalancer is Progressing until it has an ingress address; others Healthy. */
final class ServiceHealth implements HealthCheck {

  @Override
  public HealthStatus check(ObjectNode live) {
    if ("LoadBalancer".equals(Fields.text(live, "spec", "type"))
        && Fields.at(live, "status", "loadBalancer", "ingress").isEmpty()) {
      return HealthStatus.progressing("");
    }
    return HealthStatus.healthy("");
  }
}
