/**
 * Sync: makes the live cluster what Git says, as Argo CD's gitops-engine does.
 *
 * <p>Call {@link io.quargo.appcontroller.sync.SyncEngine#sync} with a {@link
 * io.quargo.appcontroller.sync.SyncRequest} (the app's name, the desired objects the caller
 * rendered for a revision, the destination namespace, prune, dry run, sync options, a selection);
 * it returns a {@link io.quargo.appcontroller.sync.SyncResult} in Argo's operation-state shape and
 * tells a {@link io.quargo.appcontroller.sync.SyncListener} the whole state after every step.
 *
 * <p>Every desired object becomes a task. Hooks become one task per phase they name; tasks run
 * phase by phase (PreSync, Sync, PostSync), wave by wave, and within a wave in Argo's kind order
 * (Namespace, NetworkPolicy, ..., ConfigMap, ..., CRD, RBAC, Service, workloads, Ingress,
 * APIService, then other kinds). After a wave is applied the engine waits until its resources are
 * Healthy, its hooks completed and its pruned objects gone, saying so in the operation message as
 * Argo CD does ("waiting for healthy state of apps/Deployment/web"), or fails the sync when the
 * health timeout passes (ours; Argo CD waits until terminated). A failed sync runs the SyncFail
 * hooks.
 *
 * <pre>{@code
 * apiVersion: batch/v1
 * kind: Job
 * metadata:
 *   generateName: schema-migrate-          # named schema-migrate-<syncId>-presync
 *   annotations:
 *     argocd.argoproj.io/hook: PreSync     # runs, and must complete, before the Sync phase
 *     argocd.argoproj.io/hook-delete-policy: HookSucceeded
 * ---
 * apiVersion: apps/v1
 * kind: Deployment
 * metadata:
 *   name: backend
 *   annotations:
 *     argocd.argoproj.io/sync-wave: "-1"   # healthy before wave 0 starts
 *     argocd.argoproj.io/sync-options: Prune=false,ServerSideApply=true
 * }</pre>
 *
 * <p>Applying: server-side apply (field manager {@code quargo-controller}, force) where the cluster
 * supports it, else kubectl's client-side three-way merge with the last-applied annotation (the
 * sandbox cluster: its apply patch tracks no field ownership). With {@code ApplyMode.AUTO} the
 * first apply decides, see {@link io.quargo.appcontroller.sync.ApplyMode}. Every applied object
 * gets the tracking label {@code app.kubernetes.io/instance: <app>}; live objects with that label
 * and no desired counterpart are pruned when prune is requested.
 *
 * <p>Sync options, app-wide or per resource in {@code argocd.argoproj.io/sync-options}:
 * CreateNamespace, ServerSideApply, ApplyOutOfSyncOnly, Replace, Validate=false,
 * RespectIgnoreDifferences (jsonPointers only), FailOnSharedResource, SkipDryRunOnMissingResource,
 * Prune=false, PruneLast, PrunePropagationPolicy, Force.
 *
 * <p>The request's {@link io.quargo.appcontroller.sync.SyncStrategy} is Argo's {@code strategy}:
 * {@code hook} (the default) runs the hooks above, {@code apply} skips them all and only applies.
 * {@code force} in either (or {@code Force=true}) is kubectl's {@code --force}: an object the API
 * server refuses to change, such as a Job whose template changed ({@code 422 ... field is
 * immutable}), is deleted and created again; with {@code Replace=true} every existing object is.
 *
 * <pre>{@code
 * POST /api/v1/applications/guestbook/sync
 * {"strategy": {"apply": {"force": true}},
 *  "retryStrategy": {"limit": 2, "backoff": {"duration": "5s", "factor": 2, "maxDuration": "3m"}}}
 * }</pre>
 */
package io.quargo.appcontroller.sync;
