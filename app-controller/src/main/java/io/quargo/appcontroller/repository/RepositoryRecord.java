package io.quargo.appcontroller.repository;

import io.quargo.appcontroller.storage.TimestampedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One registered repository; its password and SSH key only sealed. */
@Entity
@Table(name = "repository")
public class RepositoryRecord extends TimestampedRecord {

  @Column(nullable = false)
  public String repo;

  @Column(nullable = false)
  public String type;

  public String name;

  public String project;

  public String username;

  @Column(nullable = false)
  public boolean insecure;

  /** {@code {password, sshPrivateKey}} as JSON, sealed; null without secrets. */
  @Column(name = "secret_sealed")
  public String secretSealed;
}
