package io.quargo.appcontroller.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.crypto.SecretBox;
import io.quargo.common.json.Json;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Registered repositories in PostgreSQL (Argo CD's repository secrets), the password or SSH key
 * sealed by {@link SecretBox}. A repository is found by its URL written with or without {@code
 * .git} or a trailing slash.
 */
@ApplicationScoped
public class RepositoryRegistry {

  private final SecretBox box;

  public RepositoryRegistry(SecretBox box) {
    this.box = box;
  }

  @Transactional
  public List<Repository> list() {
    return RepositoryRecord.<RepositoryRecord>listAll().stream()
        .sorted((a, b) -> a.repo.compareTo(b.repo))
        .map(this::repository)
        .toList();
  }

  /** The registered repository {@code url} names, if any. */
  @Transactional
  public Optional<Repository> find(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return row(url).map(this::repository);
  }

  /** Registers {@code repository}; 409 when it exists, unless {@code upsert}. */
  @Transactional
  public Repository create(Repository repository, boolean upsert) {
    Optional<RepositoryRecord> existing = row(repository.repo());
    if (existing.isPresent() && !upsert) {
      throw ProblemException.conflict(
          "repository "
              + repository.repo()
              + " is already registered; delete it first or create it with upsert=true");
    }
    RepositoryRecord row = existing.orElseGet(RepositoryRecord::new);
    row.repo = repository.repo();
    row.type = repository.type();
    row.name = repository.name();
    row.project = repository.project();
    row.username = repository.username();
    row.insecure = repository.insecure();
    row.secretSealed = repository.hasCredentials() ? box.seal(secrets(repository)) : null;
    if (existing.isEmpty()) {
      row.persist();
    }
    return repository;
  }

  /** Forgets the repository; false when it was not registered. */
  @Transactional
  public boolean delete(String url) {
    Optional<RepositoryRecord> row = row(url);
    row.ifPresent(RepositoryRecord::delete);
    return row.isPresent();
  }

  private static Optional<RepositoryRecord> row(String url) {
    String key = Repository.normalize(url);
    return RepositoryRecord.<RepositoryRecord>find(
            "repo in ?1", List.of(key, key + ".git", key + "/", key + ".git/"))
        .firstResultOptional();
  }

  private static String secrets(Repository repository) {
    ObjectNode node = Json.mapper().createObjectNode();
    if (repository.password() != null) {
      node.put("password", repository.password());
    }
    if (repository.sshPrivateKey() != null) {
      node.put("sshPrivateKey", repository.sshPrivateKey());
    }
    return node.toString();
  }

  private Repository repository(RepositoryRecord row) {
    String password = null;
    String key = null;
    if (row.secretSealed != null) {
      try {
        JsonNode secrets = Json.mapper().readTree(box.open(row.secretSealed));
        password = secrets.path("password").asText(null);
        key = secrets.path("sshPrivateKey").asText(null);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(
            "stored secrets of repository " + row.repo + " are invalid");
      }
    }
    return new Repository(
        row.repo, row.type, row.name, row.project, row.username, password, key, row.insecure);
  }
}
