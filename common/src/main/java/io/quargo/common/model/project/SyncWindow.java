package io.quargo.common.model.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** A time window that allows or denies syncs. */
public class SyncWindow extends Extensible {

  /** {@code allow} or {@code deny} */
  @JsonProperty("kind")
  private String kind;

  /** cron expression */
  @JsonProperty("schedule")
  private String schedule;

  /** e.g. {@code 1h} */
  @JsonProperty("duration")
  private String duration;

  @JsonProperty("applications")
  private List<String> applications;

  @JsonProperty("namespaces")
  private List<String> namespaces;

  @JsonProperty("clusters")
  private List<String> clusters;

  @JsonProperty("manualSync")
  private Boolean manualSync;

  @JsonProperty("timeZone")
  private String timeZone;

  @JsonProperty("andOperator")
  private Boolean andOperator;

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public List<String> getApplications() {
    return applications;
  }

  public void setApplications(List<String> applications) {
    this.applications = applications;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public List<String> getClusters() {
    return clusters;
  }

  public void setClusters(List<String> clusters) {
    this.clusters = clusters;
  }

  public Boolean getManualSync() {
    return manualSync;
  }

  public void setManualSync(Boolean manualSync) {
    this.manualSync = manualSync;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public Boolean getAndOperator() {
    return andOperator;
  }

  public void setAndOperator(Boolean andOperator) {
    this.andOperator = andOperator;
  }
}
