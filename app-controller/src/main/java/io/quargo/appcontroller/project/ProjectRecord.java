package io.quargo.appcontroller.project;

import io.quargo.appcontroller.storage.StoredDocument;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One stored Argo CD AppProject document. */
@Entity
@Table(name = "app_project")
public class ProjectRecord extends StoredDocument {}
