/**
 * Kustomize v5 (as in {@code kubectl kustomize} 1.33, Kustomize 5.6) in Java, for Argo CD users.
 *
 * <p>{@link io.quargo.reposerver.render.kustomize.KustomizeEngine#build} reads a kustomization
 * folder inside a checkout and returns the objects in kustomize's legacy output order. A build runs
 * like kustomize's: for each kustomization, its {@code resources} (files, or folders with their own
 * kustomization, built first), then its generators, then its {@code components} (applied to
 * everything gathered so far), then its transformers in kustomize's fixed order:
 *
 * <pre>
 * patchesStrategicMerge, patches, namespace, namePrefix, nameSuffix, commonLabels + labels,
 * commonAnnotations, patchesJson6902, replicas, images
 * </pre>
 *
 * At the very end, generated ConfigMaps and Secrets get their content-hash suffix, every reference
 * to a renamed object is fixed (a Deployment's {@code envFrom} pointing at {@code web-config}
 * follows it to {@code prod-web-config-<hash>}), and objects are sorted.
 *
 * <pre>{@code
 * # overlays/prod/kustomization.yaml
 * resources: [../../base]
 * namePrefix: prod-
 * configMapGenerator:
 * - name: web-config
 *   behavior: merge
 *   literals: [mode=production]
 * images:
 * - name: nginx
 *   newTag: "1.27"
 * }</pre>
 *
 * <p>Anything the engine does not implement (remote bases, {@code helmCharts}, {@code
 * replacements}, {@code vars}, plugins…) is refused with {@link
 * io.quargo.reposerver.render.kustomize.UnsupportedKustomizationException}, or handed to an {@link
 * io.quargo.reposerver.render.kustomize.ExternalKustomize} when one is configured. Files outside
 * the repository ({@code ..}, absolute paths, symlinks out) are always refused.
 */
package io.quargo.reposerver.render.kustomize;
