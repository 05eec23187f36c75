package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** Summary shown in lists: external URLs and images. */
public class ApplicationSummary extends Extensible {

  @JsonProperty("externalURLs")
  private List<String> externalURLs;

  @JsonProperty("images")
  private List<String> images;

  public List<String> getExternalURLs() {
    return externalURLs;
  }

  public void setExternalURLs(List<String> externalURLs) {
    this.externalURLs = externalURLs;
  }

  public List<String> getImages() {
    return images;
  }

  public void setImages(List<String> images) {
    this.images = images;
  }
}
