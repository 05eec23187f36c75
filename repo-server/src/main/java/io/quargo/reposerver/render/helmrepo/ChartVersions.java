package io.quargo.reposerver.render.helmrepo;

import io.quargo.reposerver.git.Semver;
import io.quargo.reposerver.git.SemverConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the chart version {@code targetRevision} asks for, as Argo CD does: a version listed in the
 * index as written, else the highest version the semver constraint ({@code 1.2.*}, {@code >=1.0.0
 * <2.0.0}, {@code *}) allows; pre-releases only when the constraint names one.
 */
public final class ChartVersions {

  private static final Pattern FIRST_VERSION =
      Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
  private static final int NEAREST = 5;

  private ChartVersions() {}

  /** The version of {@code chart} that {@code targetRevision} selects among {@code versions}. */
  public static ChartVersion pick(
      String repoURL, String chart, List<ChartVersion> versions, String targetRevision) {
    String wanted = targetRevision.trim();
    for (ChartVersion v : versions) {
      if (v.version().equals(wanted)) {
        return v;
      }
    }
    Optional<Semver> exact = Semver.parse(wanted);
    if (exact.isPresent() && wanted.matches("v?\\d+\\.\\d+\\.\\d+(?:[-+].*)?")) {
      for (ChartVersion v : versions) {
        if (Semver.parse(v.version()).map(s -> s.compareTo(exact.get()) == 0).orElse(false)) {
          return v;
        }
      }
      throw HelmRepoException.noVersion(repoURL, chart, wanted, nearest(versions, wanted));
    }
    SemverConstraint constraint =
        SemverConstraint.parse(wanted)
            .orElseThrow(
                () ->
                    HelmRepoException.noVersion(repoURL, chart, wanted, nearest(versions, wanted)));
    ChartVersion best = null;
    Semver bestVersion = null;
    for (ChartVersion v : versions) {
      Optional<Semver> s = Semver.parse(v.version());
      if (s.isPresent()
          && constraint.matches(s.get())
          && (bestVersion == null || s.get().compareTo(bestVersion) > 0)) {
        best = v;
        bestVersion = s.get();
      }
    }
    if (best == null) {
      throw HelmRepoException.noVersion(repoURL, chart, wanted, nearest(versions, wanted));
    }
    return best;
  }

  /**
   * Up to five listed versions closest to the first version number in {@code wanted} (the highest
   * ones when it names none), highest first.
   */
  static List<String> nearest(List<ChartVersion> versions, String wanted) {
    List<Semver> parsed = new ArrayList<>();
    for (ChartVersion v : versions) {
      Semver.parse(v.version()).ifPresent(parsed::add);
    }
    Matcher m = FIRST_VERSION.matcher(wanted);
    Comparator<Semver> order = Comparator.reverseOrder();
    if (m.find()) {
      long[] anchor = {
        Long.parseLong(m.group(1)),
        m.group(2) == null ? 0 : Long.parseLong(m.group(2)),
        m.group(3) == null ? 0 : Long.parseLong(m.group(3))
      };
      order =
          Comparator.<Semver>comparingLong(s -> Math.abs(s.major() - anchor[0]))
              .thenComparingLong(s -> Math.abs(s.minor() - anchor[1]))
              .thenComparingLong(s -> Math.abs(s.patch() - anchor[2]))
              .thenComparing(Comparator.reverseOrder());
    }
    List<Semver> chosen = parsed.stream().sorted(order).limit(NEAREST).toList();
    List<String> names = new ArrayList<>();
    chosen.stream()
        .sorted(Comparator.reverseOrder())
        .forEach(
            s ->
                versions.stream()
                    .map(ChartVersion::version)
                    .filter(v -> Semver.parse(v).map(p -> p.compareTo(s) == 0).orElse(false))
                    .findFirst()
                    .ifPresent(names::add));
    return names.stream().distinct().toList();
  }
}
