package io.quargo.reposerver.render.helmrepo;

import io.quargo.reposerver.RepoServerException;
import io.quargo.reposerver.git.RepoCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts from HTTP(S) Helm repositories: which version a source's {@code targetRevision} selects
 * (from the cached index), and the unpacked chart of that version (from the disk cache).
 */
public final class HelmRepoCharts {

  private static final int LISTED_CHARTS = 10;

  private final HelmRepoClient client;
  private final ChartArchives archives;

  public HelmRepoCharts(HelmRepoClient client, ChartArchives archives) {
    this.client = client;
    this.archives = archives;
  }

  /**
   * Charts unpacked under {@code dir}, indexes kept three minutes (Argo CD's default revision cache
   * time), a minute's time-out per HTTP request.
   */
  public static HelmRepoCharts create(RepoCredentials credentials, Path dir) {
    return create(credentials, dir, Duration.ofMinutes(3));
  }

  /** Charts unpacked under {@code dir}, each repository's index kept {@code indexTtl}. */
  public static HelmRepoCharts create(RepoCredentials credentials, Path dir, Duration indexTtl) {
    HelmRepoClient client = new HelmRepoClient(credentials, indexTtl, Duration.ofSeconds(60));
    return new HelmRepoCharts(client, new ChartArchives(dir, client));
  }

  /** The version of {@code chart} in {@code repoURL} that {@code targetRevision} selects. */
  public ChartVersion resolve(String repoURL, String chart, String targetRevision) {
    String url = repoURL.trim();
    String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
    if (!scheme.toLowerCase(Locale.ROOT).matches("https?")) {
      throw HelmRepoException.unsupported(
          url,
          "charts are read from http(s) Helm repositories only; OCI registries and other"
              + " schemes are not supported yet");
    }
    if (targetRevision == null || targetRevision.isBlank()) {
      throw new RepoServerException(
          400,
          "invalid-request",
          "Invalid request",
          "targetRevision is required for a Helm chart: a chart version or a semver constraint"
              + " such as 1.2.* or *",
          Map.of("field", "targetRevision"));
    }
    HelmRepoIndex index = client.index(url);
    List<ChartVersion> versions = index.versions(chart.trim());
    if (versions == null) {
      throw HelmRepoException.chartNotFound(
          url, chart.trim(), index.chartNames().stream().limit(LISTED_CHARTS).toList());
    }
    return ChartVersions.pick(url, chart.trim(), versions, targetRevision);
  }

  /** The folder of the unpacked chart {@code version} of {@code repoURL}. */
  public Path chartDir(String repoURL, ChartVersion version) {
    return archives.chartDir(repoURL.trim(), version);
  }

  /** How many index fetches and archive downloads went over the network. */
  public long networkReads() {
    return client.indexFetches() + archives.downloads();
  }
}
