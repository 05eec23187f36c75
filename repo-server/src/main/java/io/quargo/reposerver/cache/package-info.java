/**
 * The render cache: manifests by (repository, commit SHA, path, source parameters, renderer
 * version), bounded in memory with Caffeine. A hit reads neither Git nor a renderer.
 */
package io.quargo.reposerver.cache;
