package io.quargo.appcontroller.application;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.common.k8s.LabelSelector;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Argo's ApplicationList as JSON bytes, written straight from the stored documents: the rows are
 * read as plain columns (no managed entities to check at commit) and each document only as a JSON
 * tree, never bound to the {@code Application} model and back. A list of 1,000 apps is asked for by
 * every UI and CLI that polls, so this is the controller's hottest read; the items are the same
 * JSON as {@code GET /api/v1/applications/{name}} answers, top-level fields in the model's order.
 */
@ApplicationScoped
public class ApplicationJson {

  private static final List<String> TOP_LEVEL_ORDER =
      List.of("apiVersion", "kind", "metadata", "spec", "status", "operation");

  /** What an item is made of: the row's identity, version and creation time, and the document. */
  private static final String COLUMNS =
      "select r.namespace, r.name, r.resourceVersion, r.createdAt, r.document"
          + " from ApplicationRecord r";

  private final EntityManager entities;

  public ApplicationJson(EntityManager entities) {
    this.entities = entities;
  }

  /**
   * Applications in {@code namespace} (null: all), of {@code projects} (empty: any), whose labels
   * match {@code selector} (null: any), by namespace and name.
   */
  @Transactional
  public byte[] list(String namespace, Collection<String> projects, String selector) {
    LabelSelector labels;
    try {
      labels = LabelSelector.parse(selector);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("selector", e.getMessage());
    }
    StringBuilder query = new StringBuilder(COLUMNS + " where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (namespace != null) {
      params.add(namespace);
      query.append(" and r.namespace = ?").append(params.size());
    }
    if (projects != null && !projects.isEmpty()) {
      params.add(List.copyOf(projects));
      query.append(" and r.project in ?").append(params.size());
    }
    query.append(" order by r.namespace, r.name");
    var typed = entities.createQuery(query.toString(), Object[].class);
    for (int i = 0; i < params.size(); i++) {
      typed.setParameter(i + 1, params.get(i));
    }
    typed.setHint("org.hibernate.readOnly", true);
    return write(typed.getResultList(), labels);
  }

  /**
   * The app {@code namespace/name} as JSON, as {@link #list} writes each item; a 404 problem naming
   * it when there is none.
   */
  @Transactional
  public byte[] one(String namespace, String name) {
    List<Object[]> rows =
        entities
            .createQuery(COLUMNS + " where r.namespace = ?1 and r.name = ?2", Object[].class)
            .setParameter(1, namespace)
            .setParameter(2, name)
            .setHint("org.hibernate.readOnly", true)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("application " + namespace + "/" + name);
    }
    try {
      return Json.mapper().writeValueAsBytes(item(Json.mapper(), rows.get(0)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(List<Object[]> rows, LabelSelector labels) {
    ObjectMapper mapper = Json.mapper();
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 2048 + 64);
    try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("metadata");
      json.writeEndObject();
      json.writeArrayFieldStart("items");
      for (Object[] row : rows) {
        ObjectNode app = item(mapper, row);
        if (labels.matchesJson(app.path("metadata").path("labels"))) {
          mapper.writeTree(json, app);
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One stored document with its row's namespace, name, version and creation time. */
  private static ObjectNode item(ObjectMapper mapper, Object[] row) throws IOException {
    String namespace = (String) row[0];
    String name = (String) row[1];
    JsonNode stored = mapper.readTree((String) row[4]);
    if (!(stored instanceof ObjectNode document)) {
      throw new IllegalStateException(
          "stored Application " + namespace + "/" + name + " is not a JSON object");
    }
    ObjectNode app = mapper.createObjectNode();
    for (String field : TOP_LEVEL_ORDER) {
      JsonNode value = document.get(field);
      if (value != null) {
        app.set(field, value);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!app.has(field.getKey())) {
        app.set(field.getKey(), field.getValue());
      }
    }
    ObjectNode meta = app.get("metadata") instanceof ObjectNode m ? m : app.putObject("metadata");
    meta.put("namespace", namespace);
    meta.put("name", name);
    meta.put("resourceVersion", Long.toString((Long) row[2]));
    if (row[3] != null) {
      meta.put(
          "creationTimestamp",
          ((OffsetDateTime) row[3]).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
    return app;
  }
}
