/**
 * Registered repositories, as Argo CD's repository secrets: {@link
 * io.quargo.appcontroller.repository.RepositoryRegistry} stores them with the password or SSH key
 * sealed; {@link io.quargo.appcontroller.client.RepoServerClient} sends a repository's credentials
 * to repo-server with each manifest request (Argo's {@code ManifestRequest.repo}) and checks the
 * connection with a refs call.
 */
package io.quargo.appcontroller.repository;
