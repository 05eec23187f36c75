package io.quargo.reposerver.render.helmrepo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Unpacked chart archives on disk, one folder per repository, chart and version: a version is
 * downloaded once (checked against the index digest when the index gives one), unpacked into a
 * scratch folder and moved into place whole, so a reader never sees half a chart. Chart versions do
 * not change, so the folders are kept; the disk survives restarts.
 */
public final class ChartArchives {

  private final Path dir;
  private final HelmRepoClient client;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final AtomicLong downloads = new AtomicLong();

  public ChartArchives(Path dir, HelmRepoClient client) {
    this.dir = dir;
    this.client = client;
  }

  /** The folder holding the unpacked chart (its {@code Chart.yaml} inside), downloading it once. */
  public Path chartDir(String repoURL, ChartVersion version) {
    Path home =
        dir.resolve(sha256(HelmRepoClient.base(repoURL).getBytes(StandardCharsets.UTF_8)))
            .resolve(safe(version.name()) + "-" + safe(version.version()));
    Path chart = home.resolve(safe(version.name()));
    if (Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      return chart;
    }
    synchronized (locks.computeIfAbsent(home.toString(), k -> new Object())) {
      if (Files.isRegularFile(chart.resolve("Chart.yaml"))) {
        return chart;
      }
      byte[] archive = client.archive(repoURL, version);
      downloads.incrementAndGet();
      String digest = version.digest().trim().toLowerCase(Locale.ROOT).replaceFirst("^sha256:", "");
      if (!digest.isEmpty() && !digest.equals(sha256(archive))) {
        throw HelmRepoException.badArchive(
            repoURL, version.name(), version.version(), "does not match the digest in the index");
      }
      install(repoURL, version, archive, home, chart);
      return chart;
    }
  }

  /** How many archives were downloaded (not found on disk). */
  public long downloads() {
    return downloads.get();
  }

  private void install(
      String repoURL, ChartVersion version, byte[] archive, Path home, Path chart) {
    Path scratch = null;
    try {
      Files.createDirectories(home.getParent());
      scratch = Files.createTempDirectory(home.getParent(), ".unpack-");
      Path unpacked = scratch.resolve(chart.getFileName().toString());
      Files.createDirectories(unpacked);
      try {
        ChartArchiveReader.unpack(archive, unpacked);
      } catch (IOException e) {
        throw HelmRepoException.badArchive(
            repoURL,
            version.name(),
            version.version(),
            "is not a chart archive: " + e.getMessage());
      }
      if (!Files.isRegularFile(unpacked.resolve("Chart.yaml"))) {
        throw HelmRepoException.badArchive(
            repoURL, version.name(), version.version(), "has no Chart.yaml in its top folder");
      }
      try {
        Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
        scratch = null;
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
          throw new IOException("cannot move the unpacked chart to " + home, e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack chart " + version.name(), e);
    } finally {
      if (scratch != null) {
        delete(scratch);
      }
    }
  }

  /** A file-name-safe form of a chart name or version. */
  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._+-]", "_");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path path) {
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }
}
