/**
 * The render cache: manifests by (repository, commit SHA, path, source parameters, renderer
 * version), bounded in memory with Caffeine and, with {@code quargo.repo-server.render-cache-dir},
 * kept on disk across restarts. A hit reads neither Git nor a renderer.
 */
package io.quargo.reposerver.cache;
