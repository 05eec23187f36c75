package io.quargo.appcontroller.application;

import io.quargo.appcontroller.storage.Documents;
import io.quargo.common.k8s.LabelSelector;
import io.quargo.common.model.application.Application;
import io.quargo.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applications in PostgreSQL: the Argo document as jsonb, one row per namespace/name. Create and
 * update validate (see {@link ApplicationValidator}); {@link #mutate} is the controller's locked
 * read-modify-write for status.
 */
@ApplicationScoped
public class ApplicationRepository {

  /** Argo CD's control-plane namespace, where Applications live unless told otherwise. */
  public static final String DEFAULT_NAMESPACE = "argocd";

  private final ApplicationValidator validator;

  public ApplicationRepository(ApplicationValidator validator) {
    this.validator = validator;
  }

  @Transactional
  public Optional<Application> find(String namespace, String name) {
    return row(namespace, name).map(ApplicationRepository::read);
  }

  /** The Application, or a 404 problem naming it. */
  public Application get(String namespace, String name) {
    return find(namespace, name)
        .orElseThrow(() -> ProblemException.notFound("application " + namespace + "/" + name));
  }

  /**
   * Applications in {@code namespace} (null: all), of {@code projects} (empty: any), whose labels
   * match {@code selector} (null: any), by namespace and name.
   */
  @Transactional
  public List<Application> list(String namespace, Collection<String> projects, String selector) {
    LabelSelector labels;
    try {
      labels = LabelSelector.parse(selector);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("selector", e.getMessage());
    }
    StringBuilder query = new StringBuilder("1 = 1");
    List<Object> params = new ArrayList<>();
    if (namespace != null) {
      params.add(namespace);
      query.append(" and namespace = ?").append(params.size());
    }
    if (projects != null && !projects.isEmpty()) {
      params.add(List.copyOf(projects));
      query.append(" and project in ?").append(params.size());
    }
    query.append(" order by namespace, name");
    return ApplicationRecord.<ApplicationRecord>find(query.toString(), params.toArray()).stream()
        .map(ApplicationRepository::read)
        .filter(app -> labels.matches(app.getMetadata().getLabels()))
        .toList();
  }

  /** Applications of any namespace named {@code name} (the tracking label's value). */
  @Transactional
  public List<Application> findByName(String name) {
    return ApplicationRecord.<ApplicationRecord>find("name", name).stream()
        .map(ApplicationRepository::read)
        .toList();
  }

  /** Applications with a source whose repoURL is {@code repoUrl} (as stored, exact). */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Application> findByRepoUrls(Collection<String> repoUrls) {
    List<ApplicationRecord> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "SELECT * FROM application WHERE document -> 'spec' -> 'source' ->> 'repoURL'"
                    + " IN (:urls) OR EXISTS (SELECT 1 FROM jsonb_array_elements("
                    + "COALESCE(document -> 'spec' -> 'sources', '[]'::jsonb)) s"
                    + " WHERE s ->> 'repoURL' IN (:urls))",
                ApplicationRecord.class)
            .setParameter("urls", List.copyOf(repoUrls))
            .getResultList();
    return rows.stream().map(ApplicationRepository::read).toList();
  }

  /** namespace/name of every Application with its last reconcile time (null if never). */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> reconcileTimes() {
    return Panache.getEntityManager()
        .createNativeQuery(
            "SELECT namespace, name, document -> 'status' ->> 'reconciledAt' FROM application")
        .getResultList();
  }

  /** Marks the operations of {@code keys} (namespace/name pairs) as alive now. */
  @Transactional
  public void heartbeat(Collection<String[]> keys) {
    for (String[] key : keys) {
      Panache.getEntityManager()
          .createNativeQuery(
              "UPDATE application SET operation_heartbeat = now()"
                  + " WHERE namespace = ?1 AND name = ?2")
          .setParameter(1, key[0])
          .setParameter(2, key[1])
          .executeUpdate();
    }
  }

  /**
   * namespace/name of the apps whose operation is Running (or Terminating) but whose heartbeat is
   * older than {@code seconds} (or was never written): their controller stopped.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> abandonedOperations(long seconds) {
    return Panache.getEntityManager()
        .createNativeQuery(
            "SELECT namespace, name FROM application"
                + " WHERE document -> 'status' -> 'operationState' ->> 'phase'"
                + " IN ('Running', 'Terminating')"
                + " AND (operation_heartbeat IS NULL"
                + " OR operation_heartbeat < now() - make_interval(secs => ?1))")
        .setParameter(1, (double) seconds)
        .getResultList();
  }

  /** Stores a new Application (validated); 409 when one of that name exists. */
  @Transactional
  public Application create(Application app) {
    validator.validate(app);
    String namespace = namespaceOf(app);
    String name = app.getMetadata().getName();
    if (row(namespace, name).isPresent()) {
      throw ProblemException.conflict(
          "application "
              + namespace
              + "/"
              + name
              + " already exists; update it with PUT or create with upsert=true");
    }
    app.getMetadata().setNamespace(namespace);
    app.setApiVersion("argoproj.io/v1alpha1");
    app.setKind("Application");
    Documents.ensureUid(app);
    ApplicationRecord row = new ApplicationRecord();
    row.namespace = namespace;
    row.name = name;
    row.project = app.getSpec().getProject();
    row.document = Documents.write(app);
    row.persistAndFlush();
    return read(row);
  }

  /**
   * Replaces spec, labels, annotations and finalizers of a stored Application (validated); status
   * stays the controller's. A {@code metadata.resourceVersion} in the body must be the stored one.
   */
  @Transactional
  public Application update(Application app) {
    validator.validate(app);
    String namespace = namespaceOf(app);
    String name = app.getMetadata().getName();
    String expected = app.getMetadata().getResourceVersion();
    return mutateChecked(
        namespace,
        name,
        stored -> {
          if (expected != null && !expected.equals(stored.getMetadata().getResourceVersion())) {
            throw ProblemException.conflict(
                "application "
                    + namespace
                    + "/"
                    + name
                    + " changed since resourceVersion "
                    + expected
                    + "; read it again and reapply your change");
          }
          stored.setSpec(app.getSpec());
          stored.getMetadata().setLabels(app.getMetadata().getLabels());
          stored.getMetadata().setAnnotations(app.getMetadata().getAnnotations());
          stored.getMetadata().setFinalizers(app.getMetadata().getFinalizers());
        });
  }

  /**
   * Locks the row, applies {@code change} to the stored Application and writes it back (no
   * validation: for the controller's status and operation writes). 404 when it is gone.
   */
  @Transactional
  public Application mutate(String namespace, String name, Consumer<Application> change) {
    return mutateChecked(namespace, name, change);
  }

  @Transactional
  public boolean delete(String namespace, String name) {
    return ApplicationRecord.delete("namespace = ?1 and name = ?2", namespace, name) > 0;
  }

  /** How many Applications use {@code project}. */
  @Transactional
  public long countInProject(String project) {
    return ApplicationRecord.count("project", project);
  }

  private Application mutateChecked(String namespace, String name, Consumer<Application> change) {
    ApplicationRecord row =
        ApplicationRecord.<ApplicationRecord>find("namespace = ?1 and name = ?2", namespace, name)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(() -> ProblemException.notFound("application " + namespace + "/" + name));
    Application app = read(row);
    change.accept(app);
    row.project = app.getSpec() == null ? row.project : app.getSpec().getProject();
    row.document = Documents.write(app);
    row.persistAndFlush();
    return read(row);
  }

  private static Optional<ApplicationRecord> row(String namespace, String name) {
    return ApplicationRecord.find("namespace = ?1 and name = ?2", namespace, name)
        .firstResultOptional();
  }

  private static String namespaceOf(Application app) {
    String ns = app.getMetadata().getNamespace();
    return ns == null || ns.isBlank() ? DEFAULT_NAMESPACE : ns;
  }

  private static Application read(ApplicationRecord row) {
    return Documents.read(row, Application.class);
  }
}
