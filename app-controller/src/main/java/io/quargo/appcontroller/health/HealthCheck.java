package io.quargo.appcontroller.health;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A health check of one kind: a pure function of the live object (never null). */
@FunctionalInterface
public interface HealthCheck {

  /** The health of {@code live}; may throw when the object is malformed (reported as Unknown). */
  HealthStatus check(ObjectNode live);
}
