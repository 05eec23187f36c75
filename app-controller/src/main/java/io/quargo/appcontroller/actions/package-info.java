/**
 * Resource actions, Argo CD's {@code action} on a live resource of an app, implemented in Java
 * instead of Argo's Lua scripts. Each kind family says which actions a live object offers and the
 * change one makes, either a JSON merge patch of the object or a new object to create:
 *
 * <pre>
 * apps/Deployment   restart, pause (disabled when spec.paused), resume (disabled unless paused),
 *                   scale (params: replicas)
 * apps/StatefulSet  restart, scale (params: replicas)
 * apps/DaemonSet    restart
 * batch/CronJob     create-job
 * </pre>
 *
 * <p>{@code restart} stamps {@code spec.template.metadata.annotations["kubectl.kubernetes.io/
 * restartedAt"]} with the time, as {@code kubectl rollout restart}. {@code scale} lists its
 * parameter with the current replicas as default and runs with those of the v2 request:
 *
 * <pre>
 * POST .../resource/actions/v2
 * {"action": "scale", "kind": "Deployment", "group": "apps", "version": "v1", ...,
 *  "resourceActionParameters": [{"name": "replicas", "value": "3"}]}
 * </pre>
 *
 * <p>Running one needs the RBAC permission {@code applications, action/<group>/<kind>/<action>,
 * <project>/<app>}, which the gateway checks.
 */
package io.quargo.appcontroller.actions;
