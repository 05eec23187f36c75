package io.quargo.appcontroller.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.quargo.common.json.Json;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Converts Argo objects to and from the stored JSON document and the row's columns. */
public final class Documents {

  private Documents() {}

  /** The object as stored: without {@code resourceVersion} (the row's version is the truth). */
  public static String write(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    String version = meta.getResourceVersion();
    meta.setResourceVersion(null);
    try {
      return Json.mapper().writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + object.getKind() + " " + meta.getName() + " as JSON", e);
    } finally {
      meta.setResourceVersion(version);
    }
  }

  /** The stored object with its row's namespace, name, version and creation time. */
  public static <T extends HasMetadata> T read(StoredDocument row, Class<T> type) {
    T object;
    try {
      object = Json.mapper().readValue(row.document, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored " + type.getSimpleName() + " " + row.namespace + "/" + row.name + " is not valid",
          e);
    }
    ObjectMeta meta = object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
    meta.setNamespace(row.namespace);
    meta.setName(row.name);
    meta.setResourceVersion(Long.toString(row.resourceVersion));
    if (row.createdAt != null) {
      meta.setCreationTimestamp(row.createdAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
    object.setMetadata(meta);
    return object;
  }

  /** Gives a new object a uid when it has none. */
  public static void ensureUid(HasMetadata object) {
    if (object.getMetadata().getUid() == null) {
      object.getMetadata().setUid(UUID.randomUUID().toString());
    }
  }
}
