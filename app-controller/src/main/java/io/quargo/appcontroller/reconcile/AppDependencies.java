package io.quargo.appcontroller.reconcile;

import io.quargo.appcontroller.application.ApplicationRepository;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationCondition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code spec.dependsOn} (Quargo's, after Flux's Kustomization field; Argo CD has none): a list of
 * app names in the same namespace that must be Synced and Healthy before this app syncs. A sync
 * waits while a dependency is not ready or missing, with a {@value #NOT_READY} condition naming it;
 * a cycle refuses the sync with a {@value #CYCLE} condition naming the loop.
 */
@ApplicationScoped
public class AppDependencies {

  /** The condition of a sync waiting for a dependency (or for a missing one to appear). */
  public static final String NOT_READY = "DependencyNotReady";

  /** The condition of a sync refused because dependsOn loops back. */
  public static final String CYCLE = "DependencyCycle";

  /** The spec field, kept by the model as an unknown field. */
  public static final String FIELD = "dependsOn";

  /** What the dependencies allow: go, wait (with why) or refuse (a cycle, with the loop). */
  public record Check(boolean ready, boolean cycle, String message) {

    static final Check READY = new Check(true, false, "");

    /** The condition to show, or empty when ready. */
    public Optional<ApplicationCondition> condition(String now) {
      if (ready) {
        return Optional.empty();
      }
      ApplicationCondition c = new ApplicationCondition();
      c.setType(cycle ? CYCLE : NOT_READY);
      c.setMessage(message);
      c.setLastTransitionTime(now);
      return Optional.of(c);
    }
  }

  private final ApplicationRepository apps;

  public AppDependencies(ApplicationRepository apps) {
    this.apps = apps;
  }

  /** Whether {@code app}'s dependencies, read from storage now, let it sync. */
  public Check check(Application app) {
    String namespace = app.getMetadata().getNamespace();
    return check(app, name -> apps.find(namespace, name));
  }

  /** The names in {@code spec.dependsOn}: strings, or objects with a {@code name}. */
  public static List<String> of(Application app) {
    if (app.getSpec() == null || !(app.getSpec().unknownFields().get(FIELD) instanceof List<?> l)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (Object entry : l) {
      if (entry instanceof String s && !s.isBlank()) {
        names.add(s);
      } else if (entry instanceof Map<?, ?> m && m.get("name") instanceof String s) {
        names.add(s);
      }
    }
    return names;
  }

  /**
   * The check against {@code lookup} (app by name in the app's namespace): a cycle through the app
   * first, then each dependency in order: missing, or not Synced and Healthy, holds.
   */
  static Check check(Application app, Function<String, Optional<Application>> lookup) {
    List<String> direct = of(app);
    if (direct.isEmpty()) {
      return Check.READY;
    }
    String self = app.getMetadata().getName();
    Optional<List<String>> loop = cycleFrom(self, direct, lookup);
    if (loop.isPresent()) {
      return new Check(
          false,
          true,
          "dependency cycle: " + String.join(" -> ", loop.get()) + "; remove one spec.dependsOn");
    }
    List<String> waiting = new ArrayList<>();
    for (String name : direct) {
      Optional<Application> dependency = lookup.apply(name);
      if (dependency.isEmpty()) {
        waiting.add("dependency " + name + " not found");
        continue;
      }
      String sync = field(dependency.get(), true);
      String health = field(dependency.get(), false);
      if (!"Synced".equals(sync) || !"Healthy".equals(health)) {
        waiting.add("dependency " + name + " is " + sync + "/" + health);
      }
    }
    if (waiting.isEmpty()) {
      return Check.READY;
    }
    return new Check(
        false, false, "sync waits: " + String.join("; ", waiting) + " (needs Synced and Healthy)");
  }

  /** The first loop back to {@code self} through dependsOn, as a path self -> ... -> self. */
  private static Optional<List<String>> cycleFrom(
      String self, List<String> direct, Function<String, Optional<Application>> lookup) {
    for (String next : direct) {
      LinkedHashSet<String> path = new LinkedHashSet<>();
      path.add(self);
      Optional<List<String>> found = walk(self, next, path, lookup);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> walk(
      String self,
      String current,
      LinkedHashSet<String> path,
      Function<String, Optional<Application>> lookup) {
    if (current.equals(self)) {
      List<String> loop = new ArrayList<>(path);
      loop.add(self);
      return Optional.of(loop);
    }
    if (!path.add(current)) {
      return Optional.empty();
    }
    Optional<Application> app = lookup.apply(current);
    if (app.isPresent()) {
      for (String next : of(app.get())) {
        Optional<List<String>> found = walk(self, next, path, lookup);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    path.remove(current);
    return Optional.empty();
  }

  private static String field(Application app, boolean sync) {
    var status = app.getStatus();
    if (status == null) {
      return "Unknown";
    }
    String value =
        sync
            ? (status.getSync() == null ? null : status.getSync().getStatus())
            : (status.getHealth() == null ? null : status.getHealth().getStatus());
    return value == null ? "Unknown" : value;
  }

  /** Whether the app shows a dependency condition now. */
  public static boolean shown(Application app) {
    return app.getStatus() != null
        && app.getStatus().getConditions() != null
        && app.getStatus().getConditions().stream()
            .anyMatch(c -> NOT_READY.equals(c.getType()) || CYCLE.equals(c.getType()));
  }

  /**
   * {@code conditions} without dependency conditions, plus {@code check}'s (keeping the earlier
   * transition time when the same message stood already); null when none remain.
   */
  public static List<ApplicationCondition> withCheck(
      List<ApplicationCondition> conditions, Check check, String now) {
    List<ApplicationCondition> previous = conditions == null ? List.of() : conditions;
    List<ApplicationCondition> kept = new ArrayList<>();
    for (ApplicationCondition c : previous) {
      if (!NOT_READY.equals(c.getType()) && !CYCLE.equals(c.getType())) {
        kept.add(c);
      }
    }
    check
        .condition(now)
        .ifPresent(
            c -> {
              previous.stream()
                  .filter(p -> c.getType().equals(p.getType()))
                  .filter(p -> c.getMessage().equals(p.getMessage()))
                  .findFirst()
                  .ifPresent(p -> c.setLastTransitionTime(p.getLastTransitionTime()));
              kept.add(c);
            });
    return kept.isEmpty() ? null : kept;
  }
}
