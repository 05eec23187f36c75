/**
 * Health assessment of Kubernetes objects, modelled on Argo CD's gitops-engine {@code pkg/health}
 * and its bundled Lua checks: pure functions over unstructured objects (Jackson {@code
 * ObjectNode}).
 *
 * <p>{@link io.quargo.appcontroller.health.HealthAssessor#assess} gives a {@link
 * io.quargo.appcontroller.health.HealthStatus} for one live object: {@code Missing} when there is
 * none, {@code Progressing "Pending deletion"} while it is being deleted (unless held by Argo's
 * hook finalizer), then the {@link io.quargo.appcontroller.health.HealthCheck} registered for its
 * group and kind. Kinds without a check are {@code Healthy}, as in Argo. The built-in checks are
 * one small class per kind (Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Service, Ingress,
 * PersistentVolumeClaim, Job, CronJob, HorizontalPodAutoscaler, APIService, Argo Rollout, Workflow
 * and Application); {@link io.quargo.appcontroller.health.HealthChecks#builtIn()} returns them as a
 * mutable map, the one override point for custom checks:
 *
 * <pre>{@code
 * Map<GroupKind, HealthCheck> checks = HealthChecks.builtIn();
 * checks.put(GroupKind.of("cert-manager.io", "Certificate"), live -> ...);
 * HealthAssessor assessor = new HealthAssessor(checks);
 * }</pre>
 *
 * <p>An app's health is its worst resource's in Argo's order Healthy &lt; Suspended &lt;
 * Progressing &lt; Missing &lt; Degraded &lt; Unknown ({@link
 * io.quargo.appcontroller.health.AppHealth#aggregate}). Messages are Argo's, word for word, so
 * users see what they know. Tests are YAML fixtures under {@code
 * src/test/resources/health/<kind>/}, each carrying its expected status and message as {@code
 * quargo.test/expected-*} annotations.
 */
package io.quargo.appcontroller.health;
