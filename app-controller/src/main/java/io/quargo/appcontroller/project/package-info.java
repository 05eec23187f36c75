/**
 * Argo CD AppProjects in PostgreSQL ({@link io.quargo.appcontroller.project.ProjectRepository}) and
 * their enforcement. Projects live in the control-plane namespace {@code argocd}; migration V2
 * creates Argo's {@code default} project (any source, any destination, any kind).
 *
 * <p>{@link io.quargo.appcontroller.project.ProjectRules} is the pure rule check: {@code
 * sourceRepos} and {@code destinations} (globs, a {@code !} entry denies and wins), cluster-scoped
 * kinds only when in {@code clusterResourceWhitelist} and not in {@code clusterResourceBlacklist},
 * namespaced kinds unless in {@code namespaceResourceBlacklist} or missing from a non-empty {@code
 * namespaceResourceWhitelist}. Each {@link io.quargo.appcontroller.project.Violation} names the
 * rule:
 *
 * <pre>
 * application repo git://x is not permitted in project 'team-a' (sourceRepos: [https://github.com/org/*])
 * resource apps:Deployment is not permitted in project 'team-a' (namespaceResourceBlacklist)
 * </pre>
 *
 * <p>{@link io.quargo.appcontroller.project.SyncWindows#activeAt} decides whether automated and
 * manual syncs may run at an instant ({@link io.quargo.appcontroller.project.CronSchedule} is the
 * 5-field cron matcher). {@link io.quargo.appcontroller.project.ProjectGate} wires both into the
 * controller: creating or updating an app whose repo or destination the project forbids is a 400
 * naming {@code spec.source.repoURL} or {@code spec.destination}; a reconcile writes violations as
 * conditions ({@code InvalidSpecError} for spec, {@code ComparisonError} for resources) and holds
 * automated sync, as does a blocking window; a manual sync is refused with 409 naming the rule or
 * window; a sync whose rendered manifests break a rule fails with the rule's message.
 *
 * <p>An object's scope comes from the cluster's API discovery, falling back to core Kubernetes'
 * list of cluster-scoped kinds for kinds the cluster does not serve (yet). Limits: a destination
 * given by {@code name} matches project entries by name ({@code in-cluster} also by server), not
 * through a cluster registry.
 */
package io.quargo.appcontroller.project;
