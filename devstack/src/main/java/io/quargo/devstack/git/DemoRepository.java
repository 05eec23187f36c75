package io.quargo.devstack.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo repository {@code demo.git}: Argo's guestbook app as plain YAML, Kustomize and Helm, and
 * an Argo CD Application for each, from the {@code demo-repo/} resource folder.
 */
public final class DemoRepository {
  /** The repository's name on the Git server. */
  public static final String NAME = "demo";

  /** The URL the Applications in {@code apps/} carry in the resources, before rewriting. */
  static final String DEFAULT_URL = "git://127.0.0.1:9418/demo.git";

  private static final String RESOURCE_ROOT = "demo-repo";

  private DemoRepository() {}

  /** The demo files, path to content, with the Applications' {@code repoURL} set to {@code url}. */
  public static Map<String, String> files(String url) {
    Map<String, String> files = new LinkedHashMap<>();
    GitRepos.filesUnder(resourceRoot())
        .forEach((path, content) -> files.put(path, content.replace(DEFAULT_URL, url)));
    return files;
  }

  /**
   * Creates {@code demo.git} with the demo files on {@code main}, unless it already exists (then it
   * stays as it is, with whatever was pushed to it). Returns the SHA of {@code main}.
   */
  public static String publish(GitRepos repos, String url) {
    if (repos.exists(NAME)) {
      return repos.resolve(NAME, "main");
    }
    repos.create(NAME);
    return repos.commit(
        NAME, "main", files(url), "Add the guestbook demo: plain YAML, Kustomize, Helm");
  }

  private static Path resourceRoot() {
    URL marker = DemoRepository.class.getClassLoader().getResource(RESOURCE_ROOT + "/README.md");
    if (marker == null) {
      throw new IllegalStateException(
          "the demo repository resources ("
              + RESOURCE_ROOT
              + "/) are not on the classpath;"
              + " rebuild devstack");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        return jarFileSystem(uri).getPath("/" + RESOURCE_ROOT);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource location " + marker, e);
    }
  }

  private static FileSystem jarFileSystem(URI uri) {
    try {
      return FileSystems.getFileSystem(uri);
    } catch (FileSystemNotFoundException e) {
      try {
        return FileSystems.newFileSystem(uri, Map.of());
      } catch (IOException io) {
        throw new UncheckedIOException("cannot open " + uri, io);
      }
    }
  }
}
