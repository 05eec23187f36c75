/**
 * The reconcile loop. Four triggers feed one de-duplicating queue ({@link
 * io.quargo.appcontroller.reconcile.ReconcileQueue}): a revision event for the app's repository and
 * ref, a refresh command, the periodic resync ({@link
 * io.quargo.appcontroller.reconcile.ResyncScheduler}, {@code quargo.reconcile.resync-period}
 * default 3m plus a per-app share of {@code resync-jitter}), and informers on live objects with the
 * tracking label ({@link io.quargo.appcontroller.reconcile.LiveObjectWatcher}).
 *
 * <p>One reconcile ({@link io.quargo.appcontroller.reconcile.AppReconciler}): render through
 * repo-server, list live objects by {@code app.kubernetes.io/instance}, diff and assess health
 * ({@link io.quargo.appcontroller.reconcile.AppComparer}, hooks left out), write {@code
 * status.sync}, {@code health}, {@code resources[]}, {@code conditions}, {@code reconciledAt},
 * {@code summary.images}; publish when sync, health or operation phase changed. A rendering failure
 * adds a {@code ComparisonError} condition and keeps the rest of the status.
 *
 * <p>Automated sync ({@link io.quargo.appcontroller.reconcile.AutoSyncPolicy}), for an app with
 * {@code syncPolicy.automated}:
 *
 * <pre>
 * OutOfSync, revision R never attempted          → sync R (prune only with automated.prune)
 * last attempt of R Failed/Error                 → wait for a new revision or a manual sync
 * last attempt of R Succeeded, live drifted      → sync again only with selfHeal
 * nothing to deploy (empty rendering)            → only with allowEmpty
 * </pre>
 *
 * A sync ({@link io.quargo.appcontroller.reconcile.OperationRunner}) is recorded as Running before
 * anything is applied, persists {@code operationState} at every step of the sync engine, retries
 * per {@code syncPolicy.retry} with backoff, and appends {@code history[]} (keeping {@code
 * revisionHistoryLimit}, default 10) on success. A per-app lock ({@link
 * io.quargo.appcontroller.reconcile.AppLocks}) keeps a reconcile and a sync of one app apart.
 */
package io.quargo.appcontroller.reconcile;
