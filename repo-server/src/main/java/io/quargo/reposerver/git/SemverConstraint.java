package io.quargo.reposerver.git;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semver range over tags, with the syntax Argo CD accepts (Masterminds semver): {@code 1.2.*},
 * {@code >=1.0.0 <2.0.0}, {@code ~1.2}, {@code ^1.2}, {@code 1.2 - 1.4}, {@code a || b}. A
 * pre-release version matches only a term that itself names a pre-release.
 */
public final class SemverConstraint {

  private static final Pattern TERM =
      Pattern.compile(
          "^(=|!=|>=|=>|<=|=<|>|<|~>|~|\\^)?v?([0-9xX*]+)(?:\\.([0-9xX*]+))?(?:\\.([0-9xX*]+))?"
              + "(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?$");
  private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");

  private final List<List<Predicate<Semver>>> anyOf;

  private SemverConstraint(List<List<Predicate<Semver>>> anyOf) {
    this.anyOf = anyOf;
  }

  /** Parses {@code text}, or empty when it is not a semver constraint (a branch name, a SHA). */
  public static Optional<SemverConstraint> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    List<List<Predicate<Semver>>> groups = new ArrayList<>();
    for (String group : text.split("\\|\\|")) {
      String g = HYPHEN.matcher(group.trim()).replaceAll(">=$1 <=$2");
      g = g.replaceAll("(>=|<=|=>|=<|!=|~>|>|<|=|~|\\^)\\s+", "$1");
      List<Predicate<Semver>> all = new ArrayList<>();
      for (String term : g.split("[\\s,]+")) {
        if (term.isEmpty()) {
          continue;
        }
        Optional<Predicate<Semver>> p = term(term);
        if (p.isEmpty()) {
          return Optional.empty();
        }
        all.add(p.get());
      }
      if (all.isEmpty()) {
        return Optional.empty();
      }
      groups.add(all);
    }
    return Optional.of(new SemverConstraint(groups));
  }

  /** Whether {@code version} satisfies this constraint. */
  public boolean matches(Semver version) {
    return anyOf.stream().anyMatch(all -> all.stream().allMatch(p -> p.test(version)));
  }

  private static Optional<Predicate<Semver>> term(String term) {
    Matcher m = TERM.matcher(term);
    if (!m.matches()) {
      return Optional.empty();
    }
    String op = m.group(1) == null ? "=" : m.group(1);
    Long major = number(m.group(2));
    Long minor = m.group(3) == null ? null : number(m.group(3));
    Long patch = m.group(4) == null ? null : number(m.group(4));
    String pre = m.group(5) == null ? "" : m.group(5);
    if (major == null) {
      minor = null;
    }
    if (minor == null) {
      patch = null;
    }
    Predicate<Semver> range = range(op, major, minor, patch, pre);
    boolean allowsPre = !pre.isEmpty();
    return Optional.of(v -> (allowsPre || !v.isPrerelease()) && range.test(v));
  }

  private static Predicate<Semver> range(
      String op, Long major, Long minor, Long patch, String pre) {
    if (major == null) {
      return v -> !op.equals("<") && !op.equals(">") && !op.equals("!=");
    }
    Semver floor = new Semver(major, minor == null ? 0 : minor, patch == null ? 0 : patch, pre);
    Semver next =
        minor == null
            ? new Semver(major + 1, 0, 0, "")
            : patch == null ? new Semver(major, minor + 1, 0, "") : null;
    return switch (op) {
      case "=" -> next == null ? v -> v.compareTo(floor) == 0 : between(floor, next);
      case "!=" -> next == null ? v -> v.compareTo(floor) != 0 : between(floor, next).negate();
      case ">" -> next == null ? v -> v.compareTo(floor) > 0 : v -> v.compareTo(next) >= 0;
      case ">=", "=>" -> v -> v.compareTo(floor) >= 0;
      case "<" -> v -> v.compareTo(floor) < 0;
      case "<=", "=<" -> next == null ? v -> v.compareTo(floor) <= 0 : v -> v.compareTo(next) < 0;
      case "~", "~>" ->
          between(
              floor,
              minor == null
                  ? new Semver(major + 1, 0, 0, "")
                  : new Semver(major, minor + 1, 0, ""));
      case "^" -> between(floor, caretCeiling(major, minor, patch));
      default -> v -> false;
    };
  }

  private static Semver caretCeiling(long major, Long minor, Long patch) {
    if (major > 0 || minor == null) {
      return new Semver(major + 1, 0, 0, "");
    }
    if (minor > 0 || patch == null) {
      return new Semver(0, minor + 1, 0, "");
    }
    return new Semver(0, 0, patch + 1, "");
  }

  private static Predicate<Semver> between(Semver lowInclusive, Semver highExclusive) {
    return v -> v.compareTo(lowInclusive) >= 0 && v.compareTo(highExclusive) < 0;
  }

  private static Long number(String part) {
    return part.equals("x") || part.equals("X") || part.equals("*") ? null : Long.parseLong(part);
  }
}
