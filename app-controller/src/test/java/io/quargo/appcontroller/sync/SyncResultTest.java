package io.quargo.appcontroller.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.common.model.OperationPhase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operation state a restarted controller finds: interrupted syncs become Failed, named. */
class SyncResultTest {

  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aRunningSyncFoundAfterARestartFailsNamingWhatDidNotComplete() {
    SyncResult running =
        new SyncResult(
            "abcde",
            OperationPhase.RUNNING,
            "",
            "abc123",
            List.of(
                result("ConfigMap", "done", ResultCode.SYNCED, null, null),
                result("Job", "migrate", ResultCode.SYNCED, "PreSync", OperationPhase.RUNNING),
                result("Deployment", "web", null, null, null)),
            START,
            null);

    SyncResult failed = running.interrupted(START.plusSeconds(60));

    assertThat(failed.phase()).isEqualTo(OperationPhase.FAILED);
    assertThat(failed.finishedAt()).isEqualTo(START.plusSeconds(60));
    assertThat(failed.message())
        .isEqualTo(
            "the controller stopped during this sync after 1 of 3 tasks; not completed:"
                + " batch/Job:ns/migrate, apps/Deployment:ns/web; sync again");
  }

  @Test
  void aCompletedSyncStaysAsItWas() {
    SyncResult done =
        new SyncResult("abcde", OperationPhase.SUCCEEDED, "ok", "", List.of(), START, START);

    assertThat(done.interrupted(START.plusSeconds(5))).isSameAs(done);
  }

  private static ResourceResult result(
      String kind, String name, ResultCode status, String hookType, OperationPhase hookPhase) {
    String group = kind.equals("Job") ? "batch" : kind.equals("Deployment") ? "apps" : "";
    return new ResourceResult(
        group, "v1", kind, "ns", name, status, "", hookType, hookPhase, SyncPhase.SYNC, 0);
  }
}
