package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.quargo.common.model.AnyObject;
import io.quargo.common.model.Extensible;
import java.util.Map;

/** Plain YAML/JSON directory options ({@code spec.source.directory}). */
public class ApplicationSourceDirectory extends Extensible {

  @JsonProperty("recurse")
  private Boolean recurse;

  /** glob of files to include */
  @JsonProperty("include")
  private String include;

  /** glob of files to exclude */
  @JsonProperty("exclude")
  private String exclude;

  /** Jsonnet options, kept as written */
  @JsonProperty("jsonnet")
  @SchemaFrom(type = AnyObject.class)
  private Map<String, Object> jsonnet;

  public Boolean getRecurse() {
    return recurse;
  }

  public void setRecurse(Boolean recurse) {
    this.recurse = recurse;
  }

  public String getInclude() {
    return include;
  }

  public void setInclude(String include) {
    this.include = include;
  }

  public String getExclude() {
    return exclude;
  }

  public void setExclude(String exclude) {
    this.exclude = exclude;
  }

  public Map<String, Object> getJsonnet() {
    return jsonnet;
  }

  public void setJsonnet(Map<String, Object> jsonnet) {
    this.jsonnet = jsonnet;
  }
}
