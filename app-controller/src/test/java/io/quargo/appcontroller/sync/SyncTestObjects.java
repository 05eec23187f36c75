package io.quargo.appcontroller.sync;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/** Small typed objects tests create directly in the sandbox. */
final class SyncTestObjects {
  private SyncTestObjects() {}

  static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
