package io.quargo.common.events;

/**
 * One Kubernetes object an event or command names, in Argo's {@code SyncOperationResource} shape.
 *
 * @param group API group, empty for the core group
 * @param kind the kind, e.g. {@code Deployment}
 * @param namespace the namespace, null for cluster-scoped objects
 * @param name the object's name
 */
public record ResourceRef(String group, String kind, String namespace, String name) {}
