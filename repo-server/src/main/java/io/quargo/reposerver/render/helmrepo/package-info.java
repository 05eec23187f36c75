/**
 * Charts from HTTP(S) Helm repositories, as Argo CD reads a source with {@code chart} and a Helm
 * {@code repoURL}: the repository's {@code index.yaml} (cached for a short time), the chart version
 * {@code targetRevision} names or the highest one its semver constraint allows, and the chart
 * archive (downloaded once per repository, chart and version, checked against the index digest and
 * unpacked on disk), which {@link io.quargo.reposerver.render.HelmRenderer} then renders like a
 * chart from Git.
 */
package io.quargo.reposerver.render.helmrepo;
