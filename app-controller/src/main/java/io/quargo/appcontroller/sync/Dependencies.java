package io.quargo.appcontroller.sync;

import java.util.List;

/**
 * Moves a Namespace to the phase and wave of the first task in it, and a CRD to those of the first
 * custom resource of its kind, so that what a task needs exists before it (as Argo CD does).
 */
final class Dependencies {

  private Dependencies() {}

  /** Adjusts phases and waves of {@code sorted} tasks in place; the caller sorts again. */
  static void bringForward(List<SyncTask> sorted) {
    for (SyncTask dependency : sorted) {
      if (dependency.isPrune()) {
        continue;
      }
      String kind = dependency.key().kind();
      String group = dependency.key().group();
      for (SyncTask user : sorted) {
        if (user == dependency || user.isPrune() || !before(user, dependency)) {
          continue;
        }
        boolean needs =
            ("Namespace".equals(kind)
                    && group.isEmpty()
                    && dependency.name().equals(user.namespace()))
                || ("CustomResourceDefinition".equals(kind) && defines(dependency, user));
        if (needs) {
          dependency.phase = user.phase;
          dependency.wave = user.wave;
        }
      }
    }
  }

  private static boolean before(SyncTask a, SyncTask b) {
    int phase = a.phase.compareTo(b.phase);
    return phase < 0 || (phase == 0 && a.wave < b.wave);
  }

  private static boolean defines(SyncTask crd, SyncTask user) {
    var spec = crd.target.path("spec");
    return spec.path("group").asText("").equals(user.key().group())
        && spec.path("names").path("kind").asText("").equals(user.key().kind());
  }
}
