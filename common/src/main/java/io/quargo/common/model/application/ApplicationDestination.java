package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;

/** Where an Application deploys: a cluster (by server URL or name) and a namespace. */
public class ApplicationDestination extends Extensible {

  /** cluster API URL, e.g. {@code https://kubernetes.default.svc} */
  @JsonProperty("server")
  private String server;

  /** cluster name instead of server */
  @JsonProperty("name")
  private String name;

  @JsonProperty("namespace")
  private String namespace;

  public String getServer() {
    return server;
  }

  public void setServer(String server) {
    this.server = server;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
