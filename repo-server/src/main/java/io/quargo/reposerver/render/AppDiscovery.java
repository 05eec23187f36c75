package io.quargo.reposerver.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the folders of a commit's tree that hold apps: Helm charts (not descending into them),
 * Kustomize folders, and folders with plain YAML or JSON manifests. Symlinks are not followed.
 */
public final class AppDiscovery {

  private static final Pattern MANIFEST = Pattern.compile("^.*\\.(yaml|yml|json)$");

  private AppDiscovery() {}

  /** The apps under {@code root}, sorted by path. */
  public static List<AppListing.App> find(Path root) {
    List<AppListing.App> apps = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              String rel =
                  root.equals(dir) ? "." : root.relativize(dir).toString().replace('\\', '/');
              var type = SourceTypes.discover(dir);
              if (type.isPresent()) {
                apps.add(new AppListing.App(rel, type.get()));
                return type.get() == SourceType.Helm
                    ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
              }
              try (var files = Files.list(dir)) {
                if (files.anyMatch(
                    f ->
                        Files.isRegularFile(f)
                            && !Files.isSymbolicLink(f)
                            && MANIFEST.matcher(f.getFileName().toString()).matches())) {
                  apps.add(new AppListing.App(rel, SourceType.Directory));
                }
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the apps in " + root, e);
    }
    apps.sort(Comparator.comparing(AppListing.App::path));
    return apps;
  }
}
