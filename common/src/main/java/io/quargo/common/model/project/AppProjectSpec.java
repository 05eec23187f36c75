package io.quargo.common.model.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.quargo.common.model.AnyObject;
import io.quargo.common.model.Extensible;
import io.quargo.common.model.application.ApplicationDestination;
import java.util.List;
import java.util.Map;

/** What an AppProject allows ({@code spec}). */
public class AppProjectSpec extends Extensible {

  @JsonProperty("description")
  private String description;

  /** allowed repository URLs (globs), {@code *} for any */
  @JsonProperty("sourceRepos")
  private List<String> sourceRepos;

  @JsonProperty("sourceNamespaces")
  private List<String> sourceNamespaces;

  /** allowed clusters and namespaces (globs) */
  @JsonProperty("destinations")
  private List<ApplicationDestination> destinations;

  @JsonProperty("clusterResourceWhitelist")
  private List<GroupKind> clusterResourceWhitelist;

  @JsonProperty("clusterResourceBlacklist")
  private List<GroupKind> clusterResourceBlacklist;

  @JsonProperty("namespaceResourceWhitelist")
  private List<GroupKind> namespaceResourceWhitelist;

  @JsonProperty("namespaceResourceBlacklist")
  private List<GroupKind> namespaceResourceBlacklist;

  @JsonProperty("roles")
  private List<ProjectRole> roles;

  @JsonProperty("syncWindows")
  private List<SyncWindow> syncWindows;

  @JsonProperty("orphanedResources")
  @SchemaFrom(type = AnyObject.class)
  private Map<String, Object> orphanedResources;

  @JsonProperty("signatureKeys")
  private List<SignatureKey> signatureKeys;

  @JsonProperty("permitOnlyProjectScopedClusters")
  private Boolean permitOnlyProjectScopedClusters;

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getSourceRepos() {
    return sourceRepos;
  }

  public void setSourceRepos(List<String> sourceRepos) {
    this.sourceRepos = sourceRepos;
  }

  public List<String> getSourceNamespaces() {
    return sourceNamespaces;
  }

  public void setSourceNamespaces(List<String> sourceNamespaces) {
    this.sourceNamespaces = sourceNamespaces;
  }

  public List<ApplicationDestination> getDestinations() {
    return destinations;
  }

  public void setDestinations(List<ApplicationDestination> destinations) {
    this.destinations = destinations;
  }

  public List<GroupKind> getClusterResourceWhitelist() {
    return clusterResourceWhitelist;
  }

  public void setClusterResourceWhitelist(List<GroupKind> clusterResourceWhitelist) {
    this.clusterResourceWhitelist = clusterResourceWhitelist;
  }

  public List<GroupKind> getClusterResourceBlacklist() {
    return clusterResourceBlacklist;
  }

  public void setClusterResourceBlacklist(List<GroupKind> clusterResourceBlacklist) {
    this.clusterResourceBlacklist = clusterResourceBlacklist;
  }

  public List<GroupKind> getNamespaceResourceWhitelist() {
    return namespaceResourceWhitelist;
  }

  public void setNamespaceResourceWhitelist(List<GroupKind> namespaceResourceWhitelist) {
    this.namespaceResourceWhitelist = namespaceResourceWhitelist;
  }

  public List<GroupKind> getNamespaceResourceBlacklist() {
    return namespaceResourceBlacklist;
  }

  public void setNamespaceResourceBlacklist(List<GroupKind> namespaceResourceBlacklist) {
    this.namespaceResourceBlacklist = namespaceResourceBlacklist;
  }

  public List<ProjectRole> getRoles() {
    return roles;
  }

  public void setRoles(List<ProjectRole> roles) {
    this.roles = roles;
  }

  public List<SyncWindow> getSyncWindows() {
    return syncWindows;
  }

  public void setSyncWindows(List<SyncWindow> syncWindows) {
    this.syncWindows = syncWindows;
  }

  public Map<String, Object> getOrphanedResources() {
    return orphanedResources;
  }

  public void setOrphanedResources(Map<String, Object> orphanedResources) {
    this.orphanedResources = orphanedResources;
  }

  public List<SignatureKey> getSignatureKeys() {
    return signatureKeys;
  }

  public void setSignatureKeys(List<SignatureKey> signatureKeys) {
    this.signatureKeys = signatureKeys;
  }

  public Boolean getPermitOnlyProjectScopedClusters() {
    return permitOnlyProjectScopedClusters;
  }

  public void setPermitOnlyProjectScopedClusters(Boolean permitOnlyProjectScopedClusters) {
    this.permitOnlyProjectScopedClusters = permitOnlyProjectScopedClusters;
  }
}
