package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** One deployment in {@code status.history}. */
public class RevisionHistory extends Extensible {

  @JsonProperty("id")
  private Long id;

  @JsonProperty("revision")
  private String revision;

  @JsonProperty("revisions")
  private List<String> revisions;

  @JsonProperty("deployedAt")
  private String deployedAt;

  @JsonProperty("deployStartedAt")
  private String deployStartedAt;

  @JsonProperty("source")
  private ApplicationSource source;

  @JsonProperty("sources")
  private List<ApplicationSource> sources;

  @JsonProperty("initiatedBy")
  private OperationInitiator initiatedBy;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

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

  public String getDeployedAt() {
    return deployedAt;
  }

  public void setDeployedAt(String deployedAt) {
    this.deployedAt = deployedAt;
  }

  public String getDeployStartedAt() {
    return deployStartedAt;
  }

  public void setDeployStartedAt(String deployStartedAt) {
    this.deployStartedAt = deployStartedAt;
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

  public OperationInitiator getInitiatedBy() {
    return initiatedBy;
  }

  public void setInitiatedBy(OperationInitiator initiatedBy) {
    this.initiatedBy = initiatedBy;
  }
}
