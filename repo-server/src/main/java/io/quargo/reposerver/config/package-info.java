/** repo-server's configuration ({@code quargo.repo-server.*}) and the beans built from it. */
package io.quargo.reposerver.config;
