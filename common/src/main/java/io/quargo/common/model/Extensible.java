package io.quargo.common.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every modelled part of an Argo object: keeps the fields Quargo does not model, so a read
 * and write loses nothing a user (or a newer Argo) wrote. See the package documentation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class Extensible {

  @JsonIgnore private final Map<String, Object> unknownFields = new LinkedHashMap<>();

  /**
   * Fields read but not modelled, by name, in input order (values are maps, lists, scalars). Not a
   * bean getter, and {@code @JsonIgnore} keeps the CRD generator from listing it as a property;
   * Jackson still uses it as the any-getter ({@code ArgoRoundTripTest} fails if that ever changes).
   */
  @JsonAnyGetter
  @JsonIgnore
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }

  /** Keeps one field that is not modelled. */
  @JsonAnySetter
  public void unknownField(String name, Object value) {
    unknownFields.put(name, value);
  }
}
