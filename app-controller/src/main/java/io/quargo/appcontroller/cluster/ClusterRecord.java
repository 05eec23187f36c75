package io.quargo.appcontroller.cluster;

import io.quargo.appcontroller.storage.TimestampedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One registered cluster; its credentials only sealed (see {@code crypto.SecretBox}). */
@Entity
@Table(name = "cluster")
public class ClusterRecord extends TimestampedRecord {

  @Column(nullable = false)
  public String server;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public boolean insecure;

  /** {@link ClusterCredentials} as JSON, sealed. */
  @Column(name = "config_sealed", nullable = false)
  public String configSealed;
}
