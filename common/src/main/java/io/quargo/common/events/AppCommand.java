package io.quargo.common.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quargo.common.model.application.RetryStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request to app-controller about one Application, on {@link Topics#APP_COMMANDS}.
 *
 * <p>The variants carry different payloads, so this is a sealed interface; the JSON names the
 * variant in a {@code "command"} field ({@code refresh}, {@code sync}, {@code rollback}, {@code
 * delete}), and each variant has its own CloudEvents type. Read the topic as {@code AppCommand} and
 * switch on the variant. {@code operationId} makes a retried command idempotent: app-controller
 * runs each operation id at most once.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "command")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AppCommand.Refresh.class, name = "refresh"),
  @JsonSubTypes.Type(value = AppCommand.Sync.class, name = "sync"),
  @JsonSubTypes.Type(value = AppCommand.Rollback.class, name = "rollback"),
  @JsonSubTypes.Type(value = AppCommand.Delete.class, name = "delete")
})
public sealed interface AppCommand extends QuargoEvent {

  /** The Application's namespace (Argo CD's control-plane namespace, usually {@code argocd}). */
  String namespace();

  /** The Application's name. */
  String name();

  /** Unique id of this request; the same id twice means the same operation. */
  String operationId();

  /** Who asked: a user, {@code image-updater}, or a sensor's {@code namespace/name}. */
  String requestedBy();

  /** When it was asked. */
  Instant requestedAt();

  @Override
  default String key() {
    return QuargoEvent.key(namespace(), name());
  }

  /** Compare with Git again; {@code hard} also drops cached manifests (Argo's hard refresh). */
  record Refresh(
      String namespace,
      String name,
      boolean hard,
      String operationId,
      String requestedBy,
      Instant requestedAt)
      implements AppCommand {
    public static final String TYPE = "io.quargo.app.refresh-requested.v1";

    @Override
    public String ceType() {
      return TYPE;
    }
  }

  /**
   * Sync to {@code revision} (null: the Application's target revision), as Argo's sync operation.
   *
   * @param resources only these objects (Argo's selective sync); empty for all
   * @param syncOptions Argo sync options such as {@code ServerSideApply=true}
   * @param strategy Argo's {@code {apply: {force}}} or {@code {hook: {force}}}; null for hook
   * @param retryStrategy retries of this operation; null for the app's {@code syncPolicy.retry}
   */
  record Sync(
      String namespace,
      String name,
      String revision,
      boolean prune,
      boolean dryRun,
      List<ResourceRef> resources,
      List<String> syncOptions,
      String operationId,
      String requestedBy,
      Instant requestedAt,
      Map<String, Object> strategy,
      RetryStrategy retryStrategy)
      implements AppCommand {
    public static final String TYPE = "io.quargo.app.sync-requested.v1";

    /** A sync with Argo's default strategy and the app's retry policy. */
    public Sync(
        String namespace,
        String name,
        String revision,
        boolean prune,
        boolean dryRun,
        List<ResourceRef> resources,
        List<String> syncOptions,
        String operationId,
        String requestedBy,
        Instant requestedAt) {
      this(
          namespace,
          name,
          revision,
          prune,
          dryRun,
          resources,
          syncOptions,
          operationId,
          requestedBy,
          requestedAt,
          null,
          null);
    }

    @Override
    public String ceType() {
      return TYPE;
    }
  }

  /**
   * Roll back to the history entry {@code id} ({@code status.history[].id}). On an app with
   * automated sync the rollback turns it off, as Argo CD does, unless {@code keepAutoSync}: then
   * automated sync stays on and leaves the app at the rolled-back revision until a new commit
   * arrives on its target.
   */
  record Rollback(
      String namespace,
      String name,
      long id,
      boolean prune,
      boolean dryRun,
      String operationId,
      String requestedBy,
      Instant requestedAt,
      boolean keepAutoSync)
      implements AppCommand {
    public static final String TYPE = "io.quargo.app.rollback-requested.v1";

    /** A rollback that turns automated sync off (Argo CD's behaviour). */
    public Rollback(
        String namespace,
        String name,
        long id,
        boolean prune,
        boolean dryRun,
        String operationId,
        String requestedBy,
        Instant requestedAt) {
      this(namespace, name, id, prune, dryRun, operationId, requestedBy, requestedAt, false);
    }

    @Override
    public String ceType() {
      return TYPE;
    }
  }

  /**
   * Delete the Application; with {@code cascade} its managed objects too, using {@code
   * propagationPolicy} ({@code foreground} or {@code background}, null for Argo's default).
   */
  record Delete(
      String namespace,
      String name,
      boolean cascade,
      String propagationPolicy,
      String operationId,
      String requestedBy,
      Instant requestedAt)
      implements AppCommand {
    public static final String TYPE = "io.quargo.app.delete-requested.v1";

    @Override
    public String ceType() {
      return TYPE;
    }
  }
}
