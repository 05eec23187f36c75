/**
 * repo-server's REST API: {@code POST /api/v1/manifests}, {@code GET
 * /api/v1/repositories/{repo}/refs} and {@code GET /api/v1/repositories/{repo}/apps} ({@code
 * {repo}} is the URL-encoded repository URL). Failures are problem+json: 400 path outside the
 * repository or malformed body, 401/403 Git authentication, 404 unknown revision or path, 422
 * render failure naming the file, 501 a source type or field not implemented yet, 502 Git
 * unreachable.
 */
package io.quargo.reposerver.rest;
