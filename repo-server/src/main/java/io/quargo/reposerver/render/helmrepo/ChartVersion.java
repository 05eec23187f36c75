package io.quargo.reposerver.render.helmrepo;

import java.util.List;

/**
 * One entry of a Helm repository index: a chart version, where its archive is ({@code urls},
 * absolute or relative to the repository) and the archive's SHA-256 digest (may be empty).
 */
public record ChartVersion(String name, String version, List<String> urls, String digest) {}
