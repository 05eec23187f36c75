package io.quargo.appcontroller.cluster;

import io.quargo.appcontroller.kube.ClusterObjects;
import io.quargo.appcontroller.kube.TrackedObjects;
import io.quargo.appcontroller.sync.SyncEngine;

/** Everything reconcile, diff and sync need to work on one destination cluster. */
public record ClusterAccess(
    Cluster cluster, ClusterObjects objects, TrackedObjects tracked, SyncEngine engine) {}
