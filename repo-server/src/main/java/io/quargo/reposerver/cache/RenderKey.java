package io.quargo.reposerver.cache;

/**
 * What a render depends on: repository, commit, app path, every source parameter (as canonical
 * JSON) and the renderers' version. Equal keys give equal manifests.
 */
public record RenderKey(
    String repoUrl, String sha, String path, String parameters, String rendererVersion) {}
