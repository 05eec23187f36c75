package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** The desired state of an Argo CD Application ({@code spec}). */
public class ApplicationSpec extends Extensible {

  /** the AppProject this Application belongs to */
  @JsonProperty("project")
  private String project;

  /** the single source; mutually exclusive with {@code sources} */
  @JsonProperty("source")
  private ApplicationSource source;

  /** several sources (multi-source Application) */
  @JsonProperty("sources")
  private List<ApplicationSource> sources;

  /** where to deploy */
  @JsonProperty("destination")
  private ApplicationDestination destination;

  /** when and how to sync */
  @JsonProperty("syncPolicy")
  private SyncPolicy syncPolicy;

  /** fields the diff must ignore */
  @JsonProperty("ignoreDifferences")
  private List<ResourceIgnoreDifferences> ignoreDifferences;

  /** how many history entries to keep (Argo: 10) */
  @JsonProperty("revisionHistoryLimit")
  private Long revisionHistoryLimit;

  /** extra name/value pairs shown in the UI */
  @JsonProperty("info")
  private List<Info> info;

  public String getProject() {
    return project;
  }

  public void setProject(String project) {
    this.project = project;
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

  public ApplicationDestination getDestination() {
    return destination;
  }

  public void setDestination(ApplicationDestination destination) {
    this.destination = destination;
  }

  public SyncPolicy getSyncPolicy() {
    return syncPolicy;
  }

  public void setSyncPolicy(SyncPolicy syncPolicy) {
    this.syncPolicy = syncPolicy;
  }

  public List<ResourceIgnoreDifferences> getIgnoreDifferences() {
    return ignoreDifferences;
  }

  public void setIgnoreDifferences(List<ResourceIgnoreDifferences> ignoreDifferences) {
    this.ignoreDifferences = ignoreDifferences;
  }

  public Long getRevisionHistoryLimit() {
    return revisionHistoryLimit;
  }

  public void setRevisionHistoryLimit(Long revisionHistoryLimit) {
    this.revisionHistoryLimit = revisionHistoryLimit;
  }

  public List<Info> getInfo() {
    return info;
  }

  public void setInfo(List<Info> info) {
    this.info = info;
  }
}
