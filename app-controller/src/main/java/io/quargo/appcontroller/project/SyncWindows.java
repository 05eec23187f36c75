package io.quargo.appcontroller.project;

import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationDestination;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.model.project.SyncWindow;
import io.quargo.common.problem.Problem.FieldError;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argo CD's sync windows: which of a project's windows apply to an app (its name, destination
 * namespace or cluster matches one of the window's globs) and whether they let it sync at an
 * instant. An active deny window blocks automated sync, and manual sync unless every active deny
 * window has {@code manualSync}; when allow windows apply, sync happens only inside one (manual
 * sync also when an inactive allow window has {@code manualSync}). A window is active from each
 * time its cron schedule fires (in {@code timeZone}, default UTC) for its {@code duration}.
 */
public final class SyncWindows {

  /** The longest duration searched back for a schedule's last firing. */
  private static final Duration MAX_LOOKBACK = Duration.ofDays(31);

  private static final Pattern PART = Pattern.compile("(\\d+)(h|m|s)");

  private SyncWindows() {}

  /** The windows' verdict for {@code app} at {@code now}. */
  public static Verdict activeAt(AppProject project, Application app, Instant now) {
    List<SyncWindow> windows =
        project.getSpec() == null || project.getSpec().getSyncWindows() == null
            ? List.of()
            : project.getSpec().getSyncWindows();
    List<SyncWindow> activeDeny = new ArrayList<>();
    List<SyncWindow> activeAllow = new ArrayList<>();
    List<SyncWindow> inactiveAllow = new ArrayList<>();
    for (SyncWindow w : windows) {
      if (!appliesTo(w, app)) {
        continue;
      }
      boolean deny = "deny".equalsIgnoreCase(w.getKind());
      boolean active = active(w, now);
      if (deny && active) {
        activeDeny.add(w);
      } else if (!deny && active) {
        activeAllow.add(w);
      } else if (!deny) {
        inactiveAllow.add(w);
      }
    }
    if (!activeDeny.isEmpty()) {
      boolean manual = activeDeny.stream().allMatch(w -> Boolean.TRUE.equals(w.getManualSync()));
      return new Verdict(
          false, manual, "deny sync window " + describe(activeDeny.get(0)) + " is active");
    }
    if (!activeAllow.isEmpty() || inactiveAllow.isEmpty()) {
      return new Verdict(true, true, "");
    }
    boolean manual = inactiveAllow.stream().anyMatch(w -> Boolean.TRUE.equals(w.getManualSync()));
    return new Verdict(
        false,
        manual,
        "no allow sync window is active (next: " + describe(inactiveAllow.get(0)) + ")");
  }

  /**
   * The problems of the project's windows, each naming its field ({@code
   * spec.syncWindows[0].schedule}); empty when all are valid.
   */
  public static List<FieldError> validate(AppProject project) {
    List<FieldError> errors = new ArrayList<>();
    List<SyncWindow> windows =
        project.getSpec() == null || project.getSpec().getSyncWindows() == null
            ? List.of()
            : project.getSpec().getSyncWindows();
    for (int i = 0; i < windows.size(); i++) {
      SyncWindow w = windows.get(i);
      String at = "spec.syncWindows[" + i + "].";
      if (!"allow".equalsIgnoreCase(w.getKind()) && !"deny".equalsIgnoreCase(w.getKind())) {
        errors.add(new FieldError(at + "kind", "\"" + w.getKind() + "\" is not allow or deny"));
      }
      try {
        CronSchedule.parse(w.getSchedule());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + "schedule", e.getMessage()));
      }
      try {
        duration(w);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + "duration", e.getMessage()));
      }
      try {
        if (w.getTimeZone() != null && !w.getTimeZone().isBlank()) {
          ZoneId.of(w.getTimeZone());
        }
      } catch (DateTimeException e) {
        errors.add(
            new FieldError(
                at + "timeZone",
                "'" + w.getTimeZone() + "' is unknown; use an IANA name like Europe/Berlin"));
      }
    }
    return errors;
  }

  /**
   * Whether the window's applications, namespaces or clusters name the app: any of them, or with
   * {@code andOperator: true} every one the window sets.
   */
  public static boolean appliesTo(SyncWindow w, Application app) {
    String name = app.getMetadata() == null ? "" : app.getMetadata().getName();
    ApplicationDestination dest =
        app.getSpec() == null || app.getSpec().getDestination() == null
            ? new ApplicationDestination()
            : app.getSpec().getDestination();
    boolean byName = any(w.getApplications(), name);
    boolean byNamespace = any(w.getNamespaces(), dest.getNamespace());
    boolean byCluster =
        any(w.getClusters(), dest.getServer()) || any(w.getClusters(), dest.getName());
    if (Boolean.TRUE.equals(w.getAndOperator())) {
      boolean apps = set(w.getApplications());
      boolean namespaces = set(w.getNamespaces());
      boolean clusters = set(w.getClusters());
      return (apps || namespaces || clusters)
          && (!apps || byName)
          && (!namespaces || byNamespace)
          && (!clusters || byCluster);
    }
    return byName || byNamespace || byCluster;
  }

  /** Whether the window's schedule fired within its duration before {@code now}. */
  public static boolean active(SyncWindow w, Instant now) {
    CronSchedule schedule = CronSchedule.parse(w.getSchedule());
    Duration duration = duration(w);
    ZoneId zone;
    try {
      zone =
          w.getTimeZone() == null || w.getTimeZone().isBlank()
              ? ZoneOffset.UTC
              : ZoneId.of(w.getTimeZone());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "sync window timeZone '"
              + w.getTimeZone()
              + "' is unknown; use an IANA name like Europe/Berlin");
    }
    ZonedDateTime minute = now.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
    ZonedDateTime earliest = now.minus(duration).atZone(zone);
    for (ZonedDateTime t = minute; t.isAfter(earliest); t = t.minusMinutes(1)) {
      if (schedule.matches(t)) {
        return true;
      }
    }
    return false;
  }

  /** The window's Go-style duration ({@code 1h}, {@code 30m}, {@code 1h30m}); an error names it. */
  static Duration duration(SyncWindow w) {
    String text = w.getDuration() == null ? "" : w.getDuration().trim();
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
              });
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException(
          "sync window duration '"
              + w.getDuration()
              + "' is not valid; write it like 1h, 30m or 1h30m");
    }
    return total.compareTo(MAX_LOOKBACK) > 0 ? MAX_LOOKBACK : total;
  }

  private static boolean set(List<String> globs) {
    return globs != null && !globs.isEmpty();
  }

  private static boolean any(List<String> globs, String value) {
    if (globs == null || value == null) {
      return false;
    }
    return globs.stream().anyMatch(g -> Glob.matches(g, value));
  }

  private static String describe(SyncWindow w) {
    return "'"
        + w.getSchedule()
        + "' for "
        + w.getDuration()
        + (w.getTimeZone() == null ? "" : " " + w.getTimeZone())
        + " (manualSync: "
        + Boolean.TRUE.equals(w.getManualSync())
        + ")";
  }

  /** Whether automated and manual syncs may run, and why not. */
  public record Verdict(boolean automatedAllowed, boolean manualAllowed, String reason) {

    /** Whether a sync of this kind may run. */
    public boolean allows(boolean manual) {
      return manual ? manualAllowed : automatedAllowed;
    }
  }
}
