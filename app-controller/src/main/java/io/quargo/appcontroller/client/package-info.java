/**
 * repo-server's REST API as one bean, {@link io.quargo.appcontroller.client.RepoServerClient}: it
 * sends an Application source ({@code repoURL, targetRevision, path, chart, helm, directory,
 * kustomize} plus {@code appName, namespace}) to {@code POST /api/v1/manifests} at {@code
 * quargo.repo-server.url}, retries what may pass (no answer, 502, 503, 504), turns 404 into
 * "absent" and other failures into {@link io.quargo.appcontroller.client.RenderException} with
 * repo-server's problem detail. Callers never see HTTP.
 */
package io.quargo.appcontroller.client;
