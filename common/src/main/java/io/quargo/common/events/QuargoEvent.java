package io.quargo.common.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event carried on a Quargo Kafka topic: it knows its CloudEvents type and its Kafka key.
 *
 * <p>Type rule: {@code io.quargo.<domain>.<event>.v<major>}, lower-case, the event in kebab case
 * and named in the past tense for facts ({@code io.quargo.repo.revision-changed.v1}) or with {@code
 * -requested} for commands ({@code io.quargo.app.sync-requested.v1}). A breaking change of a body
 * gets a new major version and a new record; adding an optional field does not (consumers ignore
 * unknown fields, see {@link io.quargo.common.json.Json}).
 *
 * <p>Key rule: {@code namespace/name} of the resource the event is about (see {@link #key(String,
 * String)}), the repository URL for repo events; so all events of one resource share a partition
 * and are seen in order.
 */
public interface QuargoEvent {

  /** The CloudEvents {@code type} ({@code ce_type} header) of this event. */
  @JsonIgnore
  String ceType();

  /** The Kafka record key and CloudEvents {@code subject} of this event. */
  @JsonIgnore
  String key();

  /** The key of a namespaced resource: {@code namespace/name}. */
  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
