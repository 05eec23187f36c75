package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;
import java.util.Map;

/** Kustomize rendering options ({@code spec.source.kustomize}). */
public class ApplicationSourceKustomize extends Extensible {

  @JsonProperty("namePrefix")
  private String namePrefix;

  @JsonProperty("nameSuffix")
  private String nameSuffix;

  /** image overrides, {@code name=newName:tag} */
  @JsonProperty("images")
  private List<String> images;

  @JsonProperty("commonLabels")
  private Map<String, String> commonLabels;

  @JsonProperty("commonAnnotations")
  private Map<String, String> commonAnnotations;

  @JsonProperty("commonAnnotationsEnvsubst")
  private Boolean commonAnnotationsEnvsubst;

  @JsonProperty("forceCommonLabels")
  private Boolean forceCommonLabels;

  @JsonProperty("forceCommonAnnotations")
  private Boolean forceCommonAnnotations;

  @JsonProperty("labelWithoutSelector")
  private Boolean labelWithoutSelector;

  @JsonProperty("namespace")
  private String namespace;

  @JsonProperty("replicas")
  private List<KustomizeReplica> replicas;

  @JsonProperty("components")
  private List<String> components;

  @JsonProperty("version")
  private String version;

  @JsonProperty("kubeVersion")
  private String kubeVersion;

  @JsonProperty("apiVersions")
  private List<String> apiVersions;

  public String getNamePrefix() {
    return namePrefix;
  }

  public void setNamePrefix(String namePrefix) {
    this.namePrefix = namePrefix;
  }

  public String getNameSuffix() {
    return nameSuffix;
  }

  public void setNameSuffix(String nameSuffix) {
    this.nameSuffix = nameSuffix;
  }

  public List<String> getImages() {
    return images;
  }

  public void setImages(List<String> images) {
    this.images = images;
  }

  public Map<String, String> getCommonLabels() {
    return commonLabels;
  }

  public void setCommonLabels(Map<String, String> commonLabels) {
    this.commonLabels = commonLabels;
  }

  public Map<String, String> getCommonAnnotations() {
    return commonAnnotations;
  }

  public void setCommonAnnotations(Map<String, String> commonAnnotations) {
    this.commonAnnotations = commonAnnotations;
  }

  public Boolean getCommonAnnotationsEnvsubst() {
    return commonAnnotationsEnvsubst;
  }

  public void setCommonAnnotationsEnvsubst(Boolean commonAnnotationsEnvsubst) {
    this.commonAnnotationsEnvsubst = commonAnnotationsEnvsubst;
  }

  public Boolean getForceCommonLabels() {
    return forceCommonLabels;
  }

  public void setForceCommonLabels(Boolean forceCommonLabels) {
    this.forceCommonLabels = forceCommonLabels;
  }

  public Boolean getForceCommonAnnotations() {
    return forceCommonAnnotations;
  }

  public void setForceCommonAnnotations(Boolean forceCommonAnnotations) {
    this.forceCommonAnnotations = forceCommonAnnotations;
  }

  public Boolean getLabelWithoutSelector() {
    return labelWithoutSelector;
  }

  public void setLabelWithoutSelector(Boolean labelWithoutSelector) {
    this.labelWithoutSelector = labelWithoutSelector;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public List<KustomizeReplica> getReplicas() {
    return replicas;
  }

  public void setReplicas(List<KustomizeReplica> replicas) {
    this.replicas = replicas;
  }

  public List<String> getComponents() {
    return components;
  }

  public void setComponents(List<String> components) {
    this.components = components;
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
}
