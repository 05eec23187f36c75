package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.quargo.common.model.AnyObject;
import io.quargo.common.model.Extensible;
import java.util.List;
import java.util.Map;

/** A sync request: revision, prune, dry run, selected resources. */
public class SyncOperation extends Extensible {

  @JsonProperty("revision")
  private String revision;

  @JsonProperty("revisions")
  private List<String> revisions;

  @JsonProperty("prune")
  private Boolean prune;

  @JsonProperty("dryRun")
  private Boolean dryRun;

  @JsonProperty("syncOptions")
  private List<String> syncOptions;

  @JsonProperty("resources")
  private List<SyncOperationResource> resources;

  @JsonProperty("source")
  private ApplicationSource source;

  @JsonProperty("sources")
  private List<ApplicationSource> sources;

  @JsonProperty("syncStrategy")
  @SchemaFrom(type = AnyObject.class)
  private Map<String, Object> syncStrategy;

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public List<String> getRevisions() {
    return revisions;
  }

  public void setRevisions(List<String> revisions) {
    this.revisions = revisions;
  }

  public Boolean getPrune() {
    return prune;
  }

  public void setPrune(Boolean prune) {
    this.prune = prune;
  }

  public Boolean getDryRun() {
    return dryRun;
  }

  public void setDryRun(Boolean dryRun) {
    this.dryRun = dryRun;
  }

  public List<String> getSyncOptions() {
    return syncOptions;
  }

  public void setSyncOptions(List<String> syncOptions) {
    this.syncOptions = syncOptions;
  }

  public List<SyncOperationResource> getResources() {
    return resources;
  }

  public void setResources(List<SyncOperationResource> resources) {
    this.resources = resources;
  }

  public ApplicationSource getSource() {
    return source;
  }

  public void setSource(ApplicationSource source) {
    this.source = source;
  }

  public List<ApplicationSource> getSources() {
    return sources;
  }

  public void setSources(List<ApplicationSource> sources) {
    this.sources = sources;
  }

  public Map<String, Object> getSyncStrategy() {
    return syncStrategy;
  }

  public void setSyncStrategy(Map<String, Object> syncStrategy) {
    this.syncStrategy = syncStrategy;
  }
}
