package io.quargo.appcontroller.reconcile;

import io.quargo.common.json.Json;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationSource;
import io.quargo.common.model.application.ApplicationStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Small readings of an Application shared by the reconcile and operation code. */
public final class Apps {

  private Apps() {}

  public static AppKey key(Application app) {
    return new AppKey(app.getMetadata().getNamespace(), app.getMetadata().getName());
  }

  /** The destination namespace, "" when none is given. */
  public static String destinationNamespace(Application app) {
    var d = app.getSpec().getDestination();
    return d == null || d.getNamespace() == null ? "" : d.getNamespace();
  }

  /** Whether the app has several sources ({@code spec.sources}). */
  public static boolean multiSource(Application app) {
    return app.getSpec().getSources() != null && !app.getSpec().getSources().isEmpty();
  }

  /**
   * The sources that render manifests: {@code spec.source}, or those of {@code spec.sources} with a
   * path or chart (a source with only {@code ref} just provides values files).
   */
  public static List<ApplicationSource> renderedSources(Application app) {
    if (!multiSource(app)) {
      return app.getSpec().getSource() == null ? List.of() : List.of(app.getSpec().getSource());
    }
    List<ApplicationSource> result = new ArrayList<>();
    for (ApplicationSource s : app.getSpec().getSources()) {
      if (s.getRef() == null || s.getPath() != null || s.getChart() != null) {
        result.add(s);
      }
    }
    return result;
  }

  /** The status, created when absent. */
  public static ApplicationStatus status(Application app) {
    if (app.getStatus() == null) {
      app.setStatus(new ApplicationStatus());
    }
    return app.getStatus();
  }

  /** An enum's Argo spelling (its JSON name, e.g. {@code OutOfSync}). */
  public static String argoName(Enum<?> value) {
    return value == null ? null : Json.mapper().valueToTree(value).asText();
  }

  /** Now as Argo writes times: RFC 3339 in seconds. */
  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A deep copy, e.g. to compare before and after a change made in place. */
  public static Application copy(Application app) {
    return Json.mapper().convertValue(app, Application.class);
  }
}
