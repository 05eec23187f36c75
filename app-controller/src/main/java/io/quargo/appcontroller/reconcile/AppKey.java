package io.quargo.appcontroller.reconcile;

/** An Application's identity: its namespace and name. */
public record AppKey(String namespace, String name) {

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
