/**
 * The diff of desired state (rendered from Git) against live state (from the cluster): pure
 * functions over Jackson {@code ObjectNode}s, no cluster access.
 *
 * <p><b>Normalisation.</b> Before comparing, both sides lose {@code status}, {@code
 * metadata.managedFields}, {@code resourceVersion}, {@code uid}, {@code generation}, {@code
 * creationTimestamp}, {@code selfLink}, the {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation and every null (a null in Git means
 * "not set"). Then the app's {@code ignoreDifferences} apply to the resources they match (group and
 * kind are globs, name and namespace exact when given), on both sides as Argo CD does: {@code
 * jsonPointers} are removed, {@code jqPathExpressions} run as {@code del(<expression>)} with
 * jackson-jq (jq 1.6), and {@code managedFieldsManagers} remove the fields those managers own
 * according to the live object's {@code metadata.managedFields} (FieldsV1, best effort: see {@code
 * ManagedFieldsRemover}).
 *
 * <p><b>Comparison: desired is a subset of live.</b> Argo CD by default diffs three ways with the
 * last-applied annotation, or asks the API server for a server-side-apply dry run; neither is
 * available to a pure function, so this engine compares only what the desired object sets. Fields
 * the API server fills in ({@code imagePullPolicy}, {@code terminationMessagePath}, {@code
 * dnsPolicy}, {@code revisionHistoryLimit}, {@code strategy}, ...) are therefore never a
 * difference. Lists with a known merge key ({@code containers}, {@code env}, {@code volumes} by
 * {@code name}; {@code volumeMounts} by {@code mountPath}; {@code ports} by {@code containerPort}
 * or {@code port}) or whose elements all carry a {@code name} are matched by key, and a live
 * element whose key Git does not have (an env var added by hand) is a difference; other lists
 * compare element by element. Numbers compare by value (1 equals 1.0, and a number equals a string
 * holding the same number); quantity strings compare as written ({@code "500m"} is not {@code
 * "0.5"}). What this cannot see: a field removed from Git but still set live (a three-way diff
 * would), and defaults a webhook adds inside a keyed list element (they are ignored like any
 * default).
 *
 * <p>Pointers in {@link io.quargo.appcontroller.diff.ResourceDiff#differences()} address the
 * normalised desired object, except an extra live list element, which addresses the normalised live
 * object. An app is OutOfSync when any resource differs, is missing, or requires pruning (live with
 * no desired object, unless annotated {@code argocd.argoproj.io/compare-options:
 * IgnoreExtraneous}).
 *
 * <p>For example, with this app setting:
 *
 * <pre>{@code
 * spec:
 *   ignoreDifferences:
 *   - group: apps
 *     kind: Deployment
 *     jsonPointers: [/spec/replicas]
 *   - kind: ConfigMap
 *     jqPathExpressions: ['.data["generated-at"]']
 *   - group: "*"
 *     kind: "*"
 *     managedFieldsManagers: [kube-controller-manager]
 * }</pre>
 *
 * a Deployment scaled by an autoscaler to 5 replicas while Git says 2 stays Synced, while a live
 * container image {@code nginx:1.26} against Git's {@code nginx:1.27} is OutOfSync with the pointer
 * {@code /spec/template/spec/containers/0/image}:
 *
 * <pre>{@code
 * DiffEngine engine = new DiffEngine(DiffOptions.defaults()
 *     .withIgnoreDifferences(app.getSpec().getIgnoreDifferences())
 *     .withDefaultNamespace("guestbook"));
 * List<ResourceDiff> diffs = engine.diffAll(desired, live);
 * SyncStatusCode sync = DiffEngine.syncStatus(diffs);
 * }</pre>
 */
package io.quargo.appcontroller.diff;
