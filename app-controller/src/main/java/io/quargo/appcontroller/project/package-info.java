/**
 * Argo CD AppProjects in PostgreSQL ({@link io.quargo.appcontroller.project.ProjectRepository}).
 * Projects live in the control-plane namespace {@code argocd}; migration V2 creates Argo's {@code
 * default} project (any source, any destination, any kind). Project rules are not enforced yet.
 */
package io.quargo.appcontroller.project;
