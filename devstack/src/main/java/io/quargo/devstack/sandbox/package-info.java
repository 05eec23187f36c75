/**
 * The sandbox cluster: a SIMULATION of a Kubernetes API for local stacks and tests, not a
 * Kubernetes of our own.
 *
 * <p>{@link io.quargo.devstack.sandbox.SandboxCluster} serves fabric8's Kubernetes mock server in
 * CRUD mode on {@code http://127.0.0.1:PORT} (the local stack uses 6443). Objects are stored as
 * sent; {@code uid}, {@code creationTimestamp}, {@code resourceVersion} (on every write) and {@code
 * metadata.generation} (when anything outside metadata and status changes) are set as a real API
 * server sets them. {@code /version} reports {@code v1.33.0-sandbox-simulation}.
 *
 * <p>A thin dispatcher ({@code SandboxDispatcher}) wraps the stock CRUD dispatcher and fixes only
 * what it gets wrong:
 *
 * <ul>
 *   <li>static discovery ({@code /api}, {@code /api/v1}, {@code /apis}, {@code /apis/G/V}) from
 *       {@code sandbox/api-resources.yaml}: core v1, apps, batch, networking, rbac, apiextensions,
 *       autoscaling/v2 and the argoproj.io kinds;
 *   <li>JSON merge patch with RFC 7386 semantics (arrays replaced, null deletes), strategic merge
 *       patch with the common list merge keys (containers and volumes by name, ports by
 *       containerPort or port, env by name, volumeMounts by mountPath), and server-side apply
 *       ({@code application/apply-patch+yaml}) treated as a strategic merge that creates when
 *       absent;
 *   <li>the {@code /scale} subresource as {@code autoscaling/v1 Scale};
 *   <li>status, for kinds with a status subresource: emptied on create (stored as {@code status:
 *       {}}, as the API server does), kept on whole-object PUT and PATCH, written only through
 *       {@code /status};
 *   <li>protobuf request bodies answered 415 instead of hanging.
 * </ul>
 *
 * <p>The status simulator ({@code simulator} package, in the spirit of KWOK) plays the built-in
 * controllers and one kubelet: Deployment to ReplicaSet (one per pod-template revision, {@code
 * pod-template-hash}, revision annotation; old ones scaled to zero once the new one is ready) to
 * Pods; StatefulSet pods {@code name-0..n-1}; one pod per DaemonSet; Job pods that succeed; Service
 * endpoints from matching pods; garbage collection of ReplicaSets and Pods whose controller owner
 * is gone. After the configured delay a pod is Running and Ready (or Succeeded for restartPolicy
 * Never and OnFailure). A pod fails on request, by {@code SandboxCluster.failPods} or by an
 * annotation on the pod or its template:
 *
 * <pre>{@code
 * spec:
 *   template:
 *     metadata:
 *       annotations:
 *         sandbox.quargo.io/fail: ImagePullBackOff   # or ErrImagePull, CrashLoopBackOff
 * }</pre>
 *
 * <p>What it does NOT do: no scheduling (one node, {@code sandbox-node}), no real containers, no
 * images pulled, no probes, no rolling-update surge arithmetic, no field ownership or conflicts for
 * server-side apply, no admission or validation beyond the stock mock, no defaulting (a Job gets no
 * generated selector, a Service no clusterIP), no namespace cascade on delete, no EndpointSlices,
 * and no watch bookmarks. Watches are served as WebSocket upgrades (the fabric8 client and its
 * informers use them).
 *
 * <p>Keep it thin: fix Kubernetes semantics the mock gets wrong, and simulate only what Quargo's
 * services observe. Anything richer belongs on a real cluster, through {@code KUBECONFIG}.
 */
package io.quargo.devstack.sandbox;
