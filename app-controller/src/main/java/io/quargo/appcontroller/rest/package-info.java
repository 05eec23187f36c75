/**
 * The service-internal REST API in Argo CD's shapes (api-gateway exposes it): {@code
 * /api/v1/applications} (list with {@code projects} and {@code selector}; create with {@code
 * upsert}), {@code /api/v1/applications/{name}} (GET with optional {@code refresh}, PUT, DELETE
 * with {@code cascade}), {@code .../sync}, {@code .../refresh?hard=}, {@code .../rollback}, {@code
 * .../managed-resources}, {@code .../resource-tree}, and {@code /api/v1/projects[/{name}]}. The
 * app's namespace is the {@code appNamespace} query parameter (default {@code argocd}). Errors are
 * problem+json (common's mappers).
 */
package io.quargo.appcontroller.rest;
