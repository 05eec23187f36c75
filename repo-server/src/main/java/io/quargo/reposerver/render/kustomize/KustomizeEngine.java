package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Kustomize v5 in Java: builds a kustomization folder of a checked-out repository into objects in
 * {@code kubectl kustomize}'s order. Fields it does not implement go to an {@link
 * ExternalKustomize} when one is configured, and otherwise fail with {@link
 * UnsupportedKustomizationException}; it never renders them wrongly. Thread-safe: every build has
 * its own state.
 *
 * <pre>{@code
 * List<ObjectNode> objects = new KustomizeEngine().build(repoRoot, repoRoot.resolve("overlays/prod"),
 *     KustomizeOverrides.NONE);
 * }</pre>
 */
public final class KustomizeEngine {

  private final ExternalKustomize external;

  /** An engine without an external binary (unsupported fields are errors). */
  public KustomizeEngine() {
    this(null);
  }

  /** An engine that hands kustomizations it cannot build to {@code external} (may be null). */
  public KustomizeEngine(ExternalKustomize external) {
    this.external = external;
  }

  /** The objects of {@code kustomizationDir} (inside {@code repoRoot}) in kustomize's order. */
  public List<ObjectNode> build(
      Path repoRoot, Path kustomizationDir, KustomizeOverrides overrides) {
    return render(repoRoot, kustomizationDir, overrides).objects();
  }

  /** As {@link #build}, with each object's origin file and the files the build read. */
  public KustomizeOutput render(
      Path repoRoot, Path kustomizationDir, KustomizeOverrides overrides) {
    RepoFiles files = new RepoFiles(repoRoot);
    Path dir = files.checkInside(kustomizationDir, "kustomization directory");
    KustomizeOverrides o = overrides == null ? KustomizeOverrides.NONE : overrides;
    try {
      return renderInternal(files, dir, o);
    } catch (UnsupportedKustomizationException e) {
      if (external == null) {
        throw e;
      }
      return renderExternal(files, dir, o);
    }
  }

  private KustomizeOutput renderInternal(RepoFiles files, Path dir, KustomizeOverrides o) {
    ObjectNode overridden = null;
    if (!o.isEmpty()) {
      ObjectNode spec = Kustomization.readSpec(files, dir);
      if (spec != null) {
        overridden = OverrideApplier.apply(spec, o, files.relative(dir));
      }
    }
    Kustomization top = Kustomization.load(files, dir, overridden);
    if (top.component) {
      throw new KustomizeException(
          top.file, "a Component cannot be built on its own; include it from a Kustomization");
    }
    KustTarget target = new KustTarget(files);
    ResourceMap resources = target.build(top);
    for (KResource resource : resources) {
      if (resource.needsHash) {
        String hash = ContentHash.of(resource.object);
        resource.storePreviousId();
        resource.setName(resource.name() + "-" + hash);
      }
    }
    NameReferenceTransformer.apply(resources);
    List<KResource> sorted = new ArrayList<>(resources.list());
    Comparator<KResource> order = SortOptions.of(top);
    if (order != null) {
      sorted.sort(order);
    }
    List<ObjectNode> objects = new ArrayList<>(sorted.size());
    List<String> origins = new ArrayList<>(sorted.size());
    for (KResource resource : sorted) {
      objects.add(resource.object);
      origins.add(resource.origin);
    }
    return new KustomizeOutput(objects, origins, files.filesRead(), false);
  }

  private KustomizeOutput renderExternal(RepoFiles files, Path dir, KustomizeOverrides o) {
    String name = files.relative(dir);
    Path kustomization = Kustomization.find(dir);
    // The binary does not say where each object came from: name the top kustomization instead.
    String origin = kustomization == null ? name : files.relative(kustomization);
    if (o.isEmpty()) {
      List<ObjectNode> objects = external.build(dir, name);
      return new KustomizeOutput(
          objects, Collections.nCopies(objects.size(), origin), List.of(), true);
    }
    // Argo CD edits the top kustomization in its checkout; we edit a private copy of the repo.
    Path copy = null;
    try {
      copy = Files.createTempDirectory("quargo-kustomize-");
      copyTree(files.root(), copy);
      Path copiedDir = copy.resolve(files.root().relativize(dir));
      Path kfile = Kustomization.find(copiedDir);
      ObjectNode spec = Kustomization.readSpec(new RepoFiles(copy), copiedDir);
      if (kfile == null || spec == null) {
        throw new KustomizeException(name, "no kustomization file in this folder");
      }
      Files.writeString(kfile, ManifestCodec.write(OverrideApplier.apply(spec, o, name)));
      List<ObjectNode> objects = external.build(copiedDir, name);
      return new KustomizeOutput(
          objects, Collections.nCopies(objects.size(), origin), List.of(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a copy of the repository for kustomize", e);
    } finally {
      if (copy != null) {
        delete(copy);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            if (Files.isSymbolicLink(file)) {
              Files.createSymbolicLink(target, Files.readSymbolicLink(file));
            } else {
              Files.copy(
                  file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void delete(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary folder left behind is harmless
    }
  }
}
