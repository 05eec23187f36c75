package io.quargo.appcontroller.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quargo.appcontroller.crypto.SecretBox;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registered clusters in PostgreSQL, credentials sealed by {@link SecretBox}. The in-cluster
 * destination ({@value Cluster#IN_CLUSTER_SERVER}, {@value Cluster#IN_CLUSTER_NAME}) is always
 * there and is not stored: it is the service's own Kubernetes client.
 */
@ApplicationScoped
public class ClusterRegistry {

  private static final Cluster IN_CLUSTER =
      new Cluster(Cluster.IN_CLUSTER_SERVER, Cluster.IN_CLUSTER_NAME, ClusterCredentials.NONE);

  private final SecretBox box;

  public ClusterRegistry(SecretBox box) {
    this.box = box;
  }

  /** The in-cluster destination first, then the registered clusters by name. */
  @Transactional
  public List<Cluster> list() {
    List<Cluster> all = new ArrayList<>();
    all.add(IN_CLUSTER);
    ClusterRecord.<ClusterRecord>listAll().stream()
        .sorted((a, b) -> a.name.compareTo(b.name))
        .map(this::cluster)
        .forEach(all::add);
    return all;
  }

  @Transactional
  public Optional<Cluster> byServer(String server) {
    if (Cluster.IN_CLUSTER_SERVER.equals(server)) {
      return Optional.of(IN_CLUSTER);
    }
    return row(server).map(this::cluster);
  }

  @Transactional
  public Optional<Cluster> byName(String name) {
    if (Cluster.IN_CLUSTER_NAME.equals(name)) {
      return Optional.of(IN_CLUSTER);
    }
    return ClusterRecord.<ClusterRecord>find("name", name).firstResultOptional().map(this::cluster);
  }

  /**
   * Registers {@code cluster}; with {@code upsert} an existing one of that server is replaced, else
   * 409. A name taken by another server is 409 too.
   */
  @Transactional
  public Cluster create(Cluster cluster, boolean upsert) {
    reserved(cluster);
    Optional<ClusterRecord> existing = row(cluster.server());
    if (existing.isPresent() && !upsert) {
      throw ProblemException.conflict(
          "cluster "
              + cluster.server()
              + " is already registered; update it with PUT /api/v1/clusters/{server} or upsert");
    }
    nameFree(cluster);
    ClusterRecord row = existing.orElseGet(ClusterRecord::new);
    fill(row, cluster);
    if (existing.isEmpty()) {
      row.persist();
    }
    return cluster;
  }

  /** Replaces the registered cluster at {@code server}; 404 when there is none. */
  @Transactional
  public Cluster update(String server, Cluster cluster) {
    reserved(cluster);
    ClusterRecord row =
        row(server).orElseThrow(() -> ProblemException.notFound("cluster " + server));
    if (!server.equals(cluster.server())) {
      throw ProblemException.invalid(
          "server", "\"" + cluster.server() + "\" differs from the path's \"" + server + "\"");
    }
    nameFree(cluster);
    fill(row, cluster);
    return cluster;
  }

  /** Forgets the cluster at {@code server}; false when none was registered. */
  @Transactional
  public boolean delete(String server) {
    if (Cluster.IN_CLUSTER_SERVER.equals(server)) {
      throw ProblemException.invalid(
          "server", "the in-cluster destination is the controller's own cluster and stays");
    }
    return ClusterRecord.delete("server", server) > 0;
  }

  private void reserved(Cluster cluster) {
    if (cluster.inCluster() || Cluster.IN_CLUSTER_NAME.equals(cluster.name())) {
      throw ProblemException.invalid(
          cluster.inCluster() ? "server" : "name",
          "\""
              + (cluster.inCluster() ? cluster.server() : cluster.name())
              + "\" is the in-cluster destination, which is always there; register other clusters");
    }
  }

  private void nameFree(Cluster cluster) {
    ClusterRecord.<ClusterRecord>find(
            "name = ?1 and server <> ?2", cluster.name(), cluster.server())
        .firstResultOptional()
        .ifPresent(
            other -> {
              throw ProblemException.conflict(
                  "cluster name \"" + cluster.name() + "\" is taken by " + other.server);
            });
  }

  private void fill(ClusterRecord row, Cluster cluster) {
    row.server = cluster.server();
    row.name = cluster.name();
    row.insecure = cluster.credentials().insecure();
    try {
      row.configSealed = box.seal(Json.mapper().writeValueAsString(cluster.credentials()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write cluster credentials as JSON", e);
    }
  }

  private Cluster cluster(ClusterRecord row) {
    ClusterCredentials credentials;
    try {
      credentials = Json.mapper().readValue(box.open(row.configSealed), ClusterCredentials.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored credentials of cluster " + row.name + " are not valid");
    }
    return new Cluster(row.server, row.name, credentials);
  }

  private static Optional<ClusterRecord> row(String server) {
    return ClusterRecord.<ClusterRecord>find("server", server).firstResultOptional();
  }
}
