package io.quargo.appcontroller.project;

import io.quargo.appcontroller.storage.Documents;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * AppProjects in PostgreSQL: get, list, create, update, delete. Projects live in the control-plane
 * namespace (Argo's {@code argocd}); the {@code default} project is created by migration V2.
 */
@ApplicationScoped
public class ProjectRepository {

  /** Argo CD's control-plane namespace, where projects live. */
  public static final String NAMESPACE = "argocd";

  /** The project every Argo CD installation has. */
  public static final String DEFAULT_PROJECT = "default";

  private static final String NAME_PATTERN = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";

  @Transactional
  public Optional<AppProject> find(String name) {
    return row(name).map(r -> Documents.read(r, AppProject.class));
  }

  /** The project, or a 404 problem naming it. */
  public AppProject get(String name) {
    return find(name).orElseThrow(() -> ProblemException.notFound("project " + name));
  }

  @Transactional
  public boolean exists(String name) {
    return row(name).isPresent();
  }

  @Transactional
  public List<AppProject> list() {
    return ProjectRecord.<ProjectRecord>find("namespace = ?1 order by name", NAMESPACE).stream()
        .map(r -> Documents.read(r, AppProject.class))
        .toList();
  }

  /** Stores a new project; 409 when one of that name exists. */
  @Transactional
  public AppProject create(AppProject project) {
    String name = validate(project);
    if (row(name).isPresent()) {
      throw ProblemException.conflict(
          "project " + name + " already exists; update it with PUT /api/v1/projects/" + name);
    }
    project.getMetadata().setNamespace(NAMESPACE);
    Documents.ensureUid(project);
    ProjectRecord row = new ProjectRecord();
    row.namespace = NAMESPACE;
    row.name = name;
    row.document = Documents.write(project);
    row.persistAndFlush();
    return Documents.read(row, AppProject.class);
  }

  /**
   * Replaces a project's spec, labels and annotations; when the body carries {@code
   * metadata.resourceVersion} it must be the stored one (409 otherwise).
   */
  @Transactional
  public AppProject update(AppProject project) {
    String name = validate(project);
    ProjectRecord row = row(name).orElseThrow(() -> ProblemException.notFound("project " + name));
    AppProject stored = Documents.read(row, AppProject.class);
    String expected = project.getMetadata().getResourceVersion();
    if (expected != null && !expected.equals(stored.getMetadata().getResourceVersion())) {
      throw ProblemException.conflict(
          "project "
              + name
              + " changed since resourceVersion "
              + expected
              + "; read it again and reapply your change");
    }
    stored.setSpec(project.getSpec());
    stored.getMetadata().setLabels(project.getMetadata().getLabels());
    stored.getMetadata().setAnnotations(project.getMetadata().getAnnotations());
    row.document = Documents.write(stored);
    row.persistAndFlush();
    return Documents.read(row, AppProject.class);
  }

  @Transactional
  public boolean delete(String name) {
    return ProjectRecord.delete("namespace = ?1 and name = ?2", NAMESPACE, name) > 0;
  }

  private static Optional<ProjectRecord> row(String name) {
    return ProjectRecord.find("namespace = ?1 and name = ?2", NAMESPACE, name)
        .firstResultOptional();
  }

  private static String validate(AppProject project) {
    if (project == null || project.getMetadata() == null) {
      throw ProblemException.invalid("metadata.name", "required: the project's name");
    }
    String name = project.getMetadata().getName();
    if (name == null || !name.matches(NAME_PATTERN) || name.length() > 253) {
      throw ProblemException.invalid(
          "metadata.name",
          "\"" + name + "\" is not a valid name: lower-case letters, digits, '-' and '.'");
    }
    return name;
  }
}
