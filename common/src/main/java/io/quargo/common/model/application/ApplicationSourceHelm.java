package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.quargo.common.model.AnyObject;
import io.quargo.common.model.Extensible;
import java.util.List;
import java.util.Map;

/** Helm rendering options ({@code spec.source.helm}). */
public class ApplicationSourceHelm extends Extensible {

  @JsonProperty("releaseName")
  private String releaseName;

  @JsonProperty("valueFiles")
  private List<String> valueFiles;

  @JsonProperty("parameters")
  private List<HelmParameter> parameters;

  @JsonProperty("fileParameters")
  private List<HelmFileParameter> fileParameters;

  /** inline values as a YAML string */
  @JsonProperty("values")
  private String values;

  /** inline values as an object */
  @JsonProperty("valuesObject")
  @SchemaFrom(type = AnyObject.class)
  private Map<String, Object> valuesObject;

  @JsonProperty("ignoreMissingValueFiles")
  private Boolean ignoreMissingValueFiles;

  @JsonProperty("passCredentials")
  private Boolean passCredentials;

  @JsonProperty("skipCrds")
  private Boolean skipCrds;

  @JsonProperty("skipTests")
  private Boolean skipTests;

  @JsonProperty("skipSchemaValidation")
  private Boolean skipSchemaValidation;

  @JsonProperty("version")
  private String version;

  @JsonProperty("kubeVersion")
  private String kubeVersion;

  @JsonProperty("apiVersions")
  private List<String> apiVersions;

  @JsonProperty("namespace")
  private String namespace;

  public String getReleaseName() {
    return releaseName;
  }

  public void setReleaseName(String releaseName) {
    this.releaseName = releaseName;
  }

  public List<String> getValueFiles() {
    return valueFiles;
  }

  public void setValueFiles(List<String> valueFiles) {
    this.valueFiles = valueFiles;
  }

  public List<HelmParameter> getParameters() {
    return parameters;
  }

  public void setParameters(List<HelmParameter> parameters) {
    this.parameters = parameters;
  }

  public List<HelmFileParameter> getFileParameters() {
    return fileParameters;
  }

  public void setFileParameters(List<HelmFileParameter> fileParameters) {
    this.fileParameters = fileParameters;
  }

  public String getValues() {
    return values;
  }

  public void setValues(String values) {
    this.values = values;
  }

  public Map<String, Object> getValuesObject() {
    return valuesObject;
  }

  public void setValuesObject(Map<String, Object> valuesObject) {
    this.valuesObject = valuesObject;
  }

  public Boolean getIgnoreMissingValueFiles() {
    return ignoreMissingValueFiles;
  }

  public void setIgnoreMissingValueFiles(Boolean ignoreMissingValueFiles) {
    this.ignoreMissingValueFiles = ignoreMissingValueFiles;
  }

  public Boolean getPassCredentials() {
    return passCredentials;
  }

  public void setPassCredentials(Boolean passCredentials) {
    this.passCredentials = passCredentials;
  }

  public Boolean getSkipCrds() {
    return skipCrds;
  }

  public void setSkipCrds(Boolean skipCrds) {
    this.skipCrds = skipCrds;
  }

  public Boolean getSkipTests() {
    return skipTests;
  }

  public void setSkipTests(Boolean skipTests) {
    this.skipTests = skipTests;
  }

  public Boolean getSkipSchemaValidation() {
    return skipSchemaValidation;
  }

  public void setSkipSchemaValidation(Boolean skipSchemaValidation) {
    this.skipSchemaValidation = skipSchemaValidation;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getKubeVersion() {
    return kubeVersion;
  }

  public void setKubeVersion(String kubeVersion) {
    this.kubeVersion = kubeVersion;
  }

  public List<String> getApiVersions() {
    return apiVersions;
  }

  public void setApiVersions(List<String> apiVersions) {
    this.apiVersions = apiVersions;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
