package io.quargo.appcontroller.application;

import io.quargo.appcontroller.storage.StoredDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One stored Argo CD Application: the whole document plus its project for filtering. */
@Entity
@Table(name = "application")
public class ApplicationRecord extends StoredDocument {

  @Column(nullable = false)
  public String project;
}
