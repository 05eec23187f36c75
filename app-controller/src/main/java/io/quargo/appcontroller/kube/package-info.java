/**
 * Cluster access for the sync engine: discovery of served kinds ({@link
 * io.quargo.appcontroller.kube.ApiCatalog}), generic reads and writes of any kind as Jackson trees
 * ({@link io.quargo.appcontroller.kube.ClusterObjects}) and the app's tracked live objects ({@link
 * io.quargo.appcontroller.kube.TrackedObjects}).
 */
package io.quargo.appcontroller.kube;
