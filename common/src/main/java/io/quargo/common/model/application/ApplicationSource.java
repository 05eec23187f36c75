package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.quargo.common.model.AnyObject;
import io.quargo.common.model.Extensible;
import java.util.Map;

/** One source of manifests: a Git path or a Helm chart ({@code spec.source}). */
public class ApplicationSource extends Extensible {

  /** Git repository or Helm repository URL */
  @JsonProperty("repoURL")
  private String repoURL;

  /** directory in the Git repository */
  @JsonProperty("path")
  private String path;

  /** branch, tag, commit or chart version; empty means HEAD */
  @JsonProperty("targetRevision")
  private String targetRevision;

  /** Helm chart name, for a Helm repository */
  @JsonProperty("chart")
  private String chart;

  /** name under which other sources refer to this one ({@code $ref/values.yaml}) */
  @JsonProperty("ref")
  private String ref;

  /** name of the source, for multi-source Applications */
  @JsonProperty("name")
  private String name;

  /** Helm options */
  @JsonProperty("helm")
  private ApplicationSourceHelm helm;

  /** Kustomize options */
  @JsonProperty("kustomize")
  private ApplicationSourceKustomize kustomize;

  /** plain directory options */
  @JsonProperty("directory")
  private ApplicationSourceDirectory directory;

  /** config management plugin options, kept as written */
  @JsonProperty("plugin")
  @SchemaFrom(type = AnyObject.class)
  private Map<String, Object> plugin;

  public String getRepoURL() {
    return repoURL;
  }

  public void setRepoURL(String repoURL) {
    this.repoURL = repoURL;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getTargetRevision() {
    return targetRevision;
  }

  public void setTargetRevision(String targetRevision) {
    this.targetRevision = targetRevision;
  }

  public String getChart() {
    return chart;
  }

  public void setChart(String chart) {
    this.chart = chart;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ApplicationSourceHelm getHelm() {
    return helm;
  }

  public void setHelm(ApplicationSourceHelm helm) {
    this.helm = helm;
  }

  public ApplicationSourceKustomize getKustomize() {
    return kustomize;
  }

  public void setKustomize(ApplicationSourceKustomize kustomize) {
    this.kustomize = kustomize;
  }

  public ApplicationSourceDirectory getDirectory() {
    return directory;
  }

  public void setDirectory(ApplicationSourceDirectory directory) {
    this.directory = directory;
  }

  public Map<String, Object> getPlugin() {
    return plugin;
  }

  public void setPlugin(Map<String, Object> plugin) {
    this.plugin = plugin;
  }
}
