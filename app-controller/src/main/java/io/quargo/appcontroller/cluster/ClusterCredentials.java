package io.quargo.appcontroller.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How to reach and authenticate to a cluster, in Argo CD's cluster {@code config} shape flattened:
 * a bearer token or basic auth, client certificate and key, CA data, and whether to skip TLS
 * verification. Stored only sealed; never sent back out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterCredentials(
    String bearerToken,
    String username,
    String password,
    String caData,
    String certData,
    String keyData,
    String serverName,
    boolean insecure) {

  /** No credentials (the API server accepts anonymous requests, as the sandbox does). */
  public static final ClusterCredentials NONE =
      new ClusterCredentials(null, null, null, null, null, null, null, false);

  @Override
  public String toString() {
    return "ClusterCredentials[****]";
  }
}
