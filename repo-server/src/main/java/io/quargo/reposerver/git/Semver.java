package io.quargo.reposerver.git;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version read from a Git tag ({@code v1.2.3}, {@code 1.2}, {@code 2.0.0-rc.1}). */
public record Semver(long major, long minor, long patch, String prerelease)
    implements Comparable<Semver> {

  private static final Pattern VERSION =
      Pattern.compile(
          "^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?$");

  /** Reads a tag name as a version, leniently as Argo CD does (missing minor or patch are 0). */
  public static Optional<Semver> parse(String text) {
    Matcher m = VERSION.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Semver(
            Long.parseLong(m.group(1)),
            m.group(2) == null ? 0 : Long.parseLong(m.group(2)),
            m.group(3) == null ? 0 : Long.parseLong(m.group(3)),
            m.group(4) == null ? "" : m.group(4)));
  }

  /** Whether this version carries a pre-release part ({@code -rc.1}). */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  @Override
  public int compareTo(Semver o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
  }

  private static int comparePrerelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty()) {
      return 1;
    }
    if (b.isEmpty()) {
      return -1;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xn = x[i].matches("\\d+");
      boolean yn = y[i].matches("\\d+");
      int c;
      if (xn && yn) {
        c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      } else if (xn != yn) {
        c = xn ? -1 : 1;
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
  }
}
