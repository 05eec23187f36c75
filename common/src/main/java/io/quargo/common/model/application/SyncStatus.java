package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** Sync status: {@code Synced}, {@code OutOfSync} or {@code Unknown}, and against what. */
public class SyncStatus extends Extensible {

  @JsonProperty("status")
  private String status;

  @JsonProperty("revision")
  private String revision;

  @JsonProperty("revisions")
  private List<String> revisions;

  @JsonProperty("comparedTo")
  private ComparedTo comparedTo;

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
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

  public ComparedTo getComparedTo() {
    return comparedTo;
  }

  public void setComparedTo(ComparedTo comparedTo) {
    this.comparedTo = comparedTo;
  }
}
