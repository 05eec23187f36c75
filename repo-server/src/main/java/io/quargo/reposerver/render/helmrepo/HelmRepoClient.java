package io.quargo.reposerver.render.helmrepo;

import io.quargo.reposerver.git.GitCredentials;
import io.quargo.reposerver.git.RepoCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads Helm repositories over HTTP(S): {@code index.yaml}, kept for {@code indexTtl} per
 * repository, and chart archives. The user and password configured for the repository URL prefix go
 * as HTTP basic auth, to the repository's own host only (Helm's default without {@code
 * --pass-credentials}).
 */
public final class HelmRepoClient {

  private final RepoCredentials credentials;
  private final Duration indexTtl;
  private final Clock clock;
  private final HttpClient http;
  private final Duration timeout;
  private final Map<String, CachedIndex> indexes = new ConcurrentHashMap<>();
  private final AtomicLong indexFetches = new AtomicLong();

  private record CachedIndex(HelmRepoIndex index, Instant fetched) {}

  public HelmRepoClient(RepoCredentials credentials, Duration indexTtl, Duration timeout) {
    this(credentials, indexTtl, timeout, Clock.systemUTC());
  }

  HelmRepoClient(RepoCredentials credentials, Duration indexTtl, Duration timeout, Clock clock) {
    this.credentials = credentials;
    this.indexTtl = indexTtl;
    this.timeout = timeout;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The index of {@code repoURL}, from memory when fetched less than the TTL ago. */
  public HelmRepoIndex index(String repoURL) {
    String key = base(repoURL);
    CachedIndex cached = indexes.get(key);
    Instant now = clock.instant();
    if (cached != null && cached.fetched().plus(indexTtl).isAfter(now)) {
      return cached.index();
    }
    indexFetches.incrementAndGet();
    byte[] body = get(repoURL, URI.create(key + "index.yaml"), "index.yaml");
    HelmRepoIndex index = HelmRepoIndex.parse(repoURL, body);
    indexes.put(key, new CachedIndex(index, now));
    return index;
  }

  /** How many times an index was fetched over the network (not from memory). */
  public long indexFetches() {
    return indexFetches.get();
  }

  /** The bytes of {@code version}'s archive, from its first URL. */
  public byte[] archive(String repoURL, ChartVersion version) {
    if (version.urls().isEmpty()) {
      throw HelmRepoException.badIndex(
          repoURL, "chart " + version.name() + " " + version.version() + " lists no urls");
    }
    String ref = version.urls().get(0);
    URI uri;
    try {
      uri = new URI(base(repoURL)).resolve(new URI(ref));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw HelmRepoException.badIndex(repoURL, "chart URL \"" + ref + "\" is not a URL");
    }
    return get(repoURL, uri, ref);
  }

  /** {@code repoURL} with exactly one trailing slash, so that relative chart URLs resolve in it. */
  static String base(String repoURL) {
    String url = repoURL.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url + "/";
  }

  private byte[] get(String repoURL, URI uri, String what) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    GitCredentials creds = credentials.forUrl(repoURL.trim());
    URI repo = URI.create(base(repoURL));
    if (creds.password() != null && sameOrigin(repo, uri)) {
      String user = creds.username() == null ? "" : creds.username();
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + creds.password()).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw HelmRepoException.unreachable(
          repoURL, "GET " + what + " failed (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HelmRepoException.unreachable(repoURL, "interrupted while reading " + what);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw HelmRepoException.unauthorized(repoURL, status);
    }
    if (status == 404 && what.equals("index.yaml")) {
      throw HelmRepoException.badIndex(repoURL, "the server has no index.yaml (HTTP 404)");
    }
    if (status / 100 != 2) {
      throw HelmRepoException.unreachable(repoURL, "GET " + what + " answered HTTP " + status);
    }
    return response.body();
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }
}
