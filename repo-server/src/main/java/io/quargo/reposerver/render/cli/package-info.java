/**
 * {@code ./quargo render DIR}: a plain main class ({@link
 * io.quargo.reposerver.render.cli.RenderCommand}) that runs repo-server's renderers on a local
 * folder without starting Quarkus, for previews and comparisons with {@code helm template} and
 * {@code kubectl kustomize}.
 *
 * <pre>
 * ./quargo render apps/guestbook-chart --helm-set replicaCount=3 --values prod.yaml --release web -n prod
 * </pre>
 */
package io.quargo.reposerver.render.cli;
