/**
 * Rendering a source path into Kubernetes objects, with the type chosen as Argo CD chooses it:
 *
 * <pre>
 * explicit helm: {...}       Helm       (HelmRenderer, real Helm through helm-java)
 * explicit directory: {...}  Directory  (DirectoryRenderer)
 * Chart.yaml in the path     Helm
 * kustomization.yaml / .yml / Kustomization   Kustomize (render/kustomize, via KustomizeRenderer)
 * anything else              Directory: .yaml, .yml, .json files; recurse, include, exclude
 * </pre>
 *
 * Every object keeps the repository file it came from ({@code origins}); {@code List} kinds are
 * flattened. {@link io.quargo.reposerver.render.ManifestService} puts Git, the render cache and the
 * renderers together.
 */
package io.quargo.reposerver.render;
