package io.quargo.reposerver.render;

import java.util.List;

/** The folders of a repository that hold apps, at a commit. */
public record AppListing(String revision, List<App> apps) {

  /** One folder (relative to the repository root, {@code .} for the root) and its source type. */
  public record App(String path, SourceType type) {}
}
