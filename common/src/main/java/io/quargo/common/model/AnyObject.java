package io.quargo.common.model;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * Schema stand-in for a free-form object (Helm {@code valuesObject}, plugin options): with
 * {@code @SchemaFrom(type = AnyObject.class)} a {@code Map<String, Object>} field becomes {@code
 * type: object, x-kubernetes-preserve-unknown-fields: true} in the CRD, accepting any values.
 */
@PreserveUnknownFields
public final class AnyObject {
  private AnyObject() {}
}
