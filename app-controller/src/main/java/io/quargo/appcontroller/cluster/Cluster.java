package io.quargo.appcontroller.cluster;

/**
 * A destination cluster: its API server URL (Argo's {@code server}, the key), its unique {@code
 * name} and how to authenticate.
 */
public record Cluster(String server, String name, ClusterCredentials credentials) {

  /** Argo CD's name for the cluster the controller runs in. */
  public static final String IN_CLUSTER_NAME = "in-cluster";

  /** Argo CD's URL for the cluster the controller runs in. */
  public static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";

  /** Whether this is the cluster the controller runs in (its own configured client). */
  public boolean inCluster() {
    return IN_CLUSTER_SERVER.equals(server);
  }

  @Override
  public String toString() {
    return "Cluster[" + name + ", " + server + "]";
  }
}
