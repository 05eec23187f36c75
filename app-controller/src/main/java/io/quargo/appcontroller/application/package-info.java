/**
 * Argo CD Applications in PostgreSQL: {@link io.quargo.appcontroller.application.ApplicationRecord}
 * (one row per namespace/name, the whole Argo document as jsonb, {@code resource_version} for
 * optimistic concurrency), {@link io.quargo.appcontroller.application.ApplicationRepository} (get,
 * list by project and label selector, create, update, locked status writes, delete) and {@link
 * io.quargo.appcontroller.application.ApplicationValidator}, which refuses what Argo CD's API
 * server refuses, every problem as a field error:
 *
 * <pre>
 * spec.destination.server: required: the cluster's API URL (https://kubernetes.default.svc ...)
 * spec.project: project "nope" does not exist; create it first or use "default"
 * </pre>
 */
package io.quargo.appcontroller.application;
