package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** Fields the diff ignores for matching resources. */
public class ResourceIgnoreDifferences extends Extensible {

  @JsonProperty("group")
  private String group;

  @JsonProperty("kind")
  private String kind;

  @JsonProperty("name")
  private String name;

  @JsonProperty("namespace")
  private String namespace;

  @JsonProperty("jsonPointers")
  private List<String> jsonPointers;

  @JsonProperty("jqPathExpressions")
  private List<String> jqPathExpressions;

  @JsonProperty("managedFieldsManagers")
  private List<String> managedFieldsManagers;

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public List<String> getJsonPointers() {
    return jsonPointers;
  }

  public void setJsonPointers(List<String> jsonPointers) {
    this.jsonPointers = jsonPointers;
  }

  public List<String> getJqPathExpressions() {
    return jqPathExpressions;
  }

  public void setJqPathExpressions(List<String> jqPathExpressions) {
    this.jqPathExpressions = jqPathExpressions;
  }

  public List<String> getManagedFieldsManagers() {
    return managedFieldsManagers;
  }

  public void setManagedFieldsManagers(List<String> managedFieldsManagers) {
    this.managedFieldsManagers = managedFieldsManagers;
  }
}
