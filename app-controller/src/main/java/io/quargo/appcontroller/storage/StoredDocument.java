package io.quargo.appcontroller.storage;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A row holding one Argo object: namespace, name, the whole JSON document (jsonb), a version for
 * optimistic concurrency (the object's {@code metadata.resourceVersion}) and timestamps.
 */
@MappedSuperclass
public abstract class StoredDocument extends TimestampedRecord {

  @Column(nullable = false)
  public String namespace;

  @Column(nullable = false)
  public String name;

  /** The object as JSON text; written as jsonb. */
  @Column(columnDefinition = "jsonb", nullable = false)
  @ColumnTransformer(write = "?::jsonb")
  public String document;

  @Version
  @Column(name = "resource_version", nullable = false)
  public long resourceVersion;
}
