package io.quargo.gateway.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.gateway.client.AppControllerClient;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The live resource a route names, as Argo's resource routes take it: {@code resourceName} and
 * {@code kind} (required) with {@code group}, {@code version}, {@code namespace} and the app's
 * {@code appNamespace}, from the query or, where a route takes a body, from the body's fields of
 * the same names (which win). Passed on to app-controller as its query.
 */
final class ResourceTarget {

  private static final String[] FIELDS = {
    "appNamespace", "namespace", "resourceName", "version", "group", "kind"
  };

  private ResourceTarget() {}

  /**
   * The target's fields of {@code query} and {@code body} (null: none); 400 when one is missing.
   */
  static MultivaluedMap<String, String> of(MultivaluedMap<String, String> query, JsonNode body) {
    MultivaluedMap<String, String> target = AppControllerClient.query();
    for (String field : FIELDS) {
      String value = query.getFirst(field);
      if (body != null && body.isObject() && body.hasNonNull(field)) {
        if (!body.get(field).isTextual()) {
          throw ProblemException.invalid(field, "must be a string");
        }
        value = body.get(field).asText();
      }
      if (value != null) {
        target.putSingle(field, value);
      }
    }
    for (String required : new String[] {"resourceName", "kind"}) {
      String value = target.getFirst(required);
      if (value == null || value.isBlank()) {
        throw ProblemException.invalid(
            required,
            "is required: name the resource as resourceName, kind [, group, version, namespace]");
      }
    }
    return target;
  }
}
