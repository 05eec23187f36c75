package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.reposerver.git.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a directory of plain manifests as Argo CD does: {@code .yaml}, {@code .yml} and {@code
 * .json} files (any file with {@code disableExtensionFilter}) in walk order, subdirectories only
 * with {@code recurse}, {@code include} and {@code exclude} globs matched against the path relative
 * to the app's directory, files marked {@code +argocd:skip-file-rendering} left out. A symlink that
 * leaves the repository is an error even when excluded; one whose target is missing or not a file
 * is skipped. The {@link RenderLimits} on files and bytes are checked while reading, so a huge
 * directory fails before it is all in memory.
 */
public final class DirectoryRenderer {

  /** Changes when the output for the same input could change; part of the render cache key. */
  public static final String VERSION = "directory/1";

  private static final Pattern MANIFEST = Pattern.compile("^.*\\.(yaml|yml|json|jsonnet)$");

  /** A file holding this text is left out, as in Argo CD. */
  static final String SKIP_MARKER = "+argocd:skip-file-rendering";

  private final RenderLimits limits;

  /** A renderer with the default limits. */
  public DirectoryRenderer() {
    this(RenderLimits.defaults());
  }

  /** A renderer that stops at {@code limits}' file count and manifest bytes. */
  public DirectoryRenderer(RenderLimits limits) {
    this.limits = limits;
  }

  /** Renders the app directory of {@code context}. */
  public RenderedManifests render(RenderContext context) {
    ManifestSource.Directory options =
        context.source().directory() == null
            ? new ManifestSource.Directory(false, null, null)
            : context.source().directory();
    Glob include =
        blank(options.include()) ? null : Glob.compile("directory.include", options.include());
    Glob exclude =
        blank(options.exclude()) ? null : Glob.compile("directory.exclude", options.exclude());
    List<ObjectNode> objects = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    long filesRead = 0;
    long bytesRead = 0;
    for (Path file : files(context.appDir(), options.recursive())) {
      String name = file.getFileName().toString();
      if (!options.extensionFilterDisabled() && !MANIFEST.matcher(name).matches()) {
        continue;
      }
      String relative = context.appDir().relativize(file).toString().replace('\\', '/');
      String origin = context.repoRelative(file);
      if (Files.isSymbolicLink(file)) {
        if (!Files.exists(file)) {
          continue; // Argo CD skips a symlink whose target is missing
        }
        RepoPaths.requireInsideAfterLinks(context.repoRoot(), file, "file", origin);
      }
      if (!Files.isRegularFile(file)) {
        continue;
      }
      if (exclude != null && exclude.matches(relative)) {
        continue;
      }
      if (include != null && !include.matches(relative)) {
        continue;
      }
      if (name.endsWith(".jsonnet")) {
        throw new UnsupportedSourceException(
            origin, "Jsonnet is not supported yet: exclude " + origin + " or render it elsewhere");
      }
      limits.checkFiles(context.appPath(), ++filesRead);
      String text = read(file, origin);
      bytesRead += text.length();
      limits.checkBytes(context.appPath(), bytesRead);
      if (text.contains(SKIP_MARKER)) {
        continue;
      }
      ManifestParser.parseDirectoryFile(
          origin,
          text,
          name.endsWith(".json"),
          (object, from) -> {
            objects.add(object);
            origins.add(from);
          });
    }
    return new RenderedManifests(SourceType.Directory, objects, origins);
  }

  private static List<Path> files(Path dir, boolean recursive) {
    try (Stream<Path> paths = recursive ? Files.walk(dir) : Files.list(dir)) {
      return paths
          .filter(p -> !p.equals(dir))
          .filter(p -> !Files.isDirectory(p) || Files.isSymbolicLink(p))
          .sorted(DirectoryRenderer::walkOrder)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * Orders as a depth-first walk with sorted entries does: {@code a/x.yaml} before {@code a.yaml}.
   */
  private static int walkOrder(Path a, Path b) {
    int n = Math.min(a.getNameCount(), b.getNameCount());
    for (int i = 0; i < n; i++) {
      int c = a.getName(i).toString().compareTo(b.getName(i).toString());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.getNameCount(), b.getNameCount());
  }

  private static String read(Path file, String origin) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RenderException(origin, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
