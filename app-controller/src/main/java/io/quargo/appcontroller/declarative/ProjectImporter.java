package io.quargo.appcontroller.declarative;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.quargo.appcontroller.project.ProjectRepository;
import io.quargo.common.json.Json;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps stored projects in step with AppProject resources, with the same ownership rule as apps: a
 * project created through the API (and the built-in {@code default}) is never changed or deleted by
 * a resource of the same name.
 */
@ApplicationScoped
public class ProjectImporter {

  private static final Logger LOG = Logger.getLogger(ProjectImporter.class);

  private final ProjectRepository projects;

  public ProjectImporter(ProjectRepository projects) {
    this.projects = projects;
  }

  /** Creates or updates the stored project; false when it is the API's or invalid. */
  public boolean upsert(AppProject resource) {
    ObjectMeta meta = resource.getMetadata();
    AppProject wanted = new AppProject();
    ObjectMeta copy = new ObjectMeta();
    copy.setName(meta.getName());
    copy.setLabels(meta.getLabels());
    copy.setAnnotations(Ownership.marked(meta.getAnnotations()));
    wanted.setMetadata(copy);
    wanted.setSpec(
        resource.getSpec() == null
            ? null
            : Json.mapper().convertValue(resource.getSpec(), resource.getSpec().getClass()));
    try {
      Optional<AppProject> stored = projects.find(meta.getName());
      if (stored.isEmpty()) {
        projects.create(wanted);
        LOG.infof("imported project %s from its resource", meta.getName());
        return true;
      }
      if (!Ownership.fromResource(stored.get().getMetadata())) {
        LOG.warnf(
            "project resource %s ignored: a project of that name was created through the API",
            meta.getName());
        return false;
      }
      if (Json.mapper()
              .valueToTree(stored.get().getSpec())
              .equals(Json.mapper().valueToTree(wanted.getSpec()))
          && Objects.equals(stored.get().getMetadata().getLabels(), copy.getLabels())
          && Objects.equals(stored.get().getMetadata().getAnnotations(), copy.getAnnotations())) {
        return true;
      }
      projects.update(wanted);
      return true;
    } catch (ProblemException e) {
      LOG.warnf("project resource %s not imported: %s", meta.getName(), e.getMessage());
      return false;
    }
  }

  /** Deletes the stored project of a deleted resource, if the resource owned it. */
  public boolean delete(AppProject resource) {
    String name = resource.getMetadata().getName();
    Optional<AppProject> stored = projects.find(name);
    if (stored.isEmpty() || !Ownership.fromResource(stored.get().getMetadata())) {
      return false;
    }
    LOG.infof("project resource %s deleted: deleting the project", name);
    return projects.delete(name);
  }
}
