package io.quargo.reposerver.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import io.quargo.reposerver.render.RenderedManifests;
import io.quargo.reposerver.render.SourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Rendered manifests on disk ({@code quargo.repo-server.render-cache-dir}), one JSON file per
 * {@link RenderKey} named by the key's SHA-256, so that a restarted repo-server answers a request
 * it answered before without Git or a renderer. Beside each entry a small {@code .deps} file keeps
 * what the render read, to rebuild the dependency index at start. Files are written to a temporary
 * name and moved into place, so a reader never sees half an entry; an unreadable entry is a miss.
 */
public final class DiskRenderStore {

  private static final Logger LOG = Logger.getLogger(DiskRenderStore.class);

  /** One stored render: the key it answers (checked on read) and the manifests. */
  record Entry(
      RenderKey key,
      SourceType sourceType,
      List<ObjectNode> manifests,
      List<String> origins,
      List<String> dependencies) {}

  /** What one render read, for {@code watch.AppDependencies}. */
  public record Dependencies(RenderKey key, List<String> paths) {}

  private final Path dir;

  public DiskRenderStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the render cache folder " + dir, e);
    }
  }

  /** The folder entries are kept in. */
  public Path dir() {
    return dir;
  }

  /** The stored render for {@code key}; empty when there is none or it cannot be read. */
  public Optional<RenderedManifests> read(RenderKey key) {
    Path file = file(key, ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Entry entry = Json.mapper().readValue(file.toFile(), Entry.class);
      if (!key.equals(entry.key())) {
        return Optional.empty();
      }
      return Optional.of(
          new RenderedManifests(
              entry.sourceType(), entry.manifests(), entry.origins(), entry.dependencies()));
    } catch (IOException | RuntimeException e) {
      LOG.warnf("render cache entry %s cannot be read, rendering again: %s", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Stores {@code rendered} for {@code key}; a failure is logged, the render still answers. */
  public void write(RenderKey key, RenderedManifests rendered) {
    Entry entry =
        new Entry(
            key,
            rendered.sourceType(),
            rendered.manifests(),
            rendered.origins(),
            rendered.dependencies());
    try {
      Files.createDirectories(file(key, ".json").getParent());
      writeAtomically(file(key, ".json"), Json.mapper().writeValueAsBytes(entry));
      writeAtomically(
          file(key, ".deps"),
          Json.mapper().writeValueAsBytes(new Dependencies(key, rendered.dependencies())));
    } catch (IOException | RuntimeException e) {
      LOG.warnf("cannot store a render in %s: %s", dir, e.getMessage());
    }
  }

  /** Hands every stored render's dependencies to {@code sink} (unreadable ones are skipped). */
  public void forEachDependencies(Consumer<Dependencies> sink) {
    try (Stream<Path> files = Files.walk(dir, 2)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".deps"))
          .forEach(
              f -> {
                try {
                  sink.accept(Json.mapper().readValue(f.toFile(), Dependencies.class));
                } catch (IOException | RuntimeException e) {
                  LOG.debugf("skipping %s: %s", f, e.getMessage());
                }
              });
    } catch (IOException e) {
      LOG.warnf("cannot read the render cache folder %s: %s", dir, e.getMessage());
    }
  }

  private Path file(RenderKey key, String suffix) {
    String name = sha256(key.toString());
    return dir.resolve(name.substring(0, 2)).resolve(name + suffix);
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
