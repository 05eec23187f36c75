package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** The sources and destination a sync status was computed against. */
public class ComparedTo extends Extensible {

  @JsonProperty("source")
  private ApplicationSource source;

  @JsonProperty("sources")
  private List<ApplicationSource> sources;

  @JsonProperty("destination")
  private ApplicationDestination destination;

  @JsonProperty("ignoreDifferences")
  private List<ResourceIgnoreDifferences> ignoreDifferences;

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

  public List<ResourceIgnoreDifferences> getIgnoreDifferences() {
    return ignoreDifferences;
  }

  public void setIgnoreDifferences(List<ResourceIgnoreDifferences> ignoreDifferences) {
    this.ignoreDifferences = ignoreDifferences;
  }
}
