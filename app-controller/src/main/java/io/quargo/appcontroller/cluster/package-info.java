/**
 * Destination clusters, as Argo CD's cluster secrets: {@link
 * io.quargo.appcontroller.cluster.ClusterRegistry} stores registered clusters (credentials sealed),
 * always with the in-cluster destination {@code https://kubernetes.default.svc}; {@link
 * io.quargo.appcontroller.cluster.ClusterClients} turns an app's {@code spec.destination.server} or
 * {@code .name} into a cached client, tracked objects and sync engine for that cluster. A
 * destination that names no registered cluster is the app's {@code InvalidSpecError}.
 */
package io.quargo.appcontroller.cluster;
