package io.quargo.common.model.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quargo.common.model.Extensible;
import java.util.List;

/** A project role: policies in Argo RBAC form and the groups bound to it. */
public class ProjectRole extends Extensible {

  @JsonProperty("name")
  private String name;

  @JsonProperty("description")
  private String description;

  /** e.g. {@code p, proj:my-project:ci, applications, sync, my-project/*, allow} */
  @JsonProperty("policies")
  private List<String> policies;

  @JsonProperty("groups")
  private List<String> groups;

  @JsonProperty("jwtTokens")
  private List<JwtToken> jwtTokens;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getPolicies() {
    return policies;
  }

  public void setPolicies(List<String> policies) {
    this.policies = policies;
  }

  public List<String> getGroups() {
    return groups;
  }

  public void setGroups(List<String> groups) {
    this.groups = groups;
  }

  public List<JwtToken> getJwtTokens() {
    return jwtTokens;
  }

  public void setJwtTokens(List<JwtToken> jwtTokens) {
    this.jwtTokens = jwtTokens;
  }
}
