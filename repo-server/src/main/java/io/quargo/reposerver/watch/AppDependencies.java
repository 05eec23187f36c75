package io.quargo.reposerver.watch;

import io.quargo.common.events.RepoRevisionChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each rendered app read, by repository: the app path and the repository paths (files or
 * folders) its last render with given parameters depended on — the app's folder, a Kustomize base
 * or component, a Helm value file. When a ref moves, {@link #affected} names the apps that read a
 * changed file, so that only those re-render. Knows only apps rendered since start (or kept in the
 * disk render cache).
 */
public final class AppDependencies {

  /** normalized repo URL -> app path -> parameters hash -> dependency paths. */
  private final Map<String, Map<String, Map<String, Set<String>>>> byRepo =
      new ConcurrentHashMap<>();

  /**
   * Records that the latest render of {@code appPath} with source {@code parameters} read {@code
   * paths}, replacing what an earlier render with the same parameters read.
   */
  public void record(String repoUrl, String appPath, String parameters, List<String> paths) {
    String app = RepoRevisionChanged.normalizePath(appPath);
    renders(repoUrl, app).put(hash(parameters), dependencies(app, paths));
  }

  /**
   * Adds what a stored render (an earlier commit, kept in the disk render cache) read to what is
   * known of that app and parameters.
   */
  public void recordStored(String repoUrl, String appPath, String parameters, List<String> paths) {
    String app = RepoRevisionChanged.normalizePath(appPath);
    renders(repoUrl, app)
        .merge(
            hash(parameters),
            dependencies(app, paths),
            (a, b) -> {
              Set<String> union = new TreeSet<>(a);
              union.addAll(b);
              return Set.copyOf(union);
            });
  }

  private Map<String, Set<String>> renders(String repoUrl, String app) {
    return byRepo
        .computeIfAbsent(RepoUrls.normalize(repoUrl), u -> new ConcurrentHashMap<>())
        .computeIfAbsent(app, a -> new ConcurrentHashMap<>());
  }

  private static Set<String> dependencies(String app, List<String> paths) {
    Set<String> deps = new TreeSet<>();
    deps.add(app);
    paths.forEach(p -> deps.add(RepoRevisionChanged.normalizePath(p)));
    return Set.copyOf(deps);
  }

  private static String hash(String parameters) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(parameters.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * The app paths of {@code repoUrl} whose recorded dependencies include a changed path (equal, or
   * the path lies in a dependency folder), sorted; null when no app of the repository is known.
   */
  public List<String> affected(String repoUrl, List<String> changedPaths) {
    Map<String, Map<String, Set<String>>> apps = byRepo.get(RepoUrls.normalize(repoUrl));
    if (apps == null || apps.isEmpty()) {
      return null;
    }
    List<String> affected = new ArrayList<>();
    apps.forEach(
        (app, renders) -> {
          boolean hit =
              renders.values().stream()
                  .flatMap(Set::stream)
                  .anyMatch(dep -> changedPaths.stream().anyMatch(c -> within(c, dep)));
          if (hit) {
            affected.add(app);
          }
        });
    affected.sort(null);
    return affected;
  }

  /** The dependency paths recorded for {@code appPath} of {@code repoUrl}, all parameters. */
  public Set<String> of(String repoUrl, String appPath) {
    Map<String, Set<String>> renders =
        byRepo
            .getOrDefault(RepoUrls.normalize(repoUrl), Map.of())
            .getOrDefault(RepoRevisionChanged.normalizePath(appPath), Map.of());
    Set<String> all = new TreeSet<>();
    renders.values().forEach(all::addAll);
    return all;
  }

  private static boolean within(String changed, String dependency) {
    return dependency.isEmpty()
        || changed.equals(dependency)
        || changed.startsWith(dependency + "/");
  }
}
