package io.quargo.reposerver.git;

import java.util.List;

/** A repository's refs as its server advertises them: what {@code HEAD} is, branches, tags. */
public record RemoteRefs(String head, List<NamedRef> branches, List<NamedRef> tags) {

  /** One branch or tag: its short name and the commit SHA it points to (tags peeled). */
  public record NamedRef(String name, String sha) {}
}
