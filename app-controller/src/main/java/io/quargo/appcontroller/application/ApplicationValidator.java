package io.quargo.appcontroller.application;

import io.quargo.appcontroller.project.ProjectRepository;
import io.quargo.appcontroller.project.ProjectRules;
import io.quargo.appcontroller.project.Violation;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationDestination;
import io.quargo.common.model.application.ApplicationSource;
import io.quargo.common.model.application.ApplicationSpec;
import io.quargo.common.model.project.AppProject;
import io.quargo.common.problem.Problem.FieldError;
import io.quargo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an incoming Application as Argo CD's API server does: a valid name, a source or sources
 * with a repoURL, a destination with a server or a name (not both), an existing project whose
 * sourceRepos and destinations permit the source and destination ({@link ProjectRules}). All
 * problems are reported at once as field errors.
 */
@ApplicationScoped
public class ApplicationValidator {

  private static final String NAME_PATTERN = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";

  private final ProjectRepository projects;

  public ApplicationValidator(ProjectRepository projects) {
    this.projects = projects;
  }

  /** Fills Argo's defaults (project {@code default}) and throws a 400 listing every problem. */
  public void validate(Application app) {
    List<FieldError> errors = new ArrayList<>();
    String name = app.getMetadata() == null ? null : app.getMetadata().getName();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("metadata.name", "required: the application's name"));
    } else if (!name.matches(NAME_PATTERN) || name.length() > 253) {
      errors.add(
          new FieldError(
              "metadata.name",
              "\"" + name + "\" is not a valid name: lower-case letters, digits, '-' and '.'"));
    }
    ApplicationSpec spec = app.getSpec();
    if (spec == null) {
      errors.add(new FieldError("spec", "required: source, destination and project"));
      throw failure(errors);
    }
    if (spec.getProject() == null || spec.getProject().isBlank()) {
      spec.setProject(ProjectRepository.DEFAULT_PROJECT);
    }
    checkSources(spec, errors);
    checkDestination(spec.getDestination(), errors);
    Optional<AppProject> project = projects.find(spec.getProject());
    if (project.isEmpty()) {
      errors.add(
          new FieldError(
              "spec.project",
              "project \""
                  + spec.getProject()
                  + "\" does not exist; create it first or use \"default\""));
    }
    if (errors.isEmpty() && project.isPresent()) {
      for (Violation v : ProjectRules.checkSpec(project.get(), app)) {
        errors.add(new FieldError(v.field(), v.message()));
      }
    }
    if (!errors.isEmpty()) {
      throw failure(errors);
    }
  }

  private static void checkSources(ApplicationSpec spec, List<FieldError> errors) {
    boolean multi = spec.getSources() != null && !spec.getSources().isEmpty();
    if (!multi && spec.getSource() == null) {
      errors.add(new FieldError("spec.source", "required: spec.source or spec.sources"));
      return;
    }
    if (multi && spec.getSource() != null) {
      errors.add(
          new FieldError(
              "spec.sources",
              "give spec.source or spec.sources, not both (Argo CD would ignore spec.source)"));
      return;
    }
    if (multi) {
      for (int i = 0; i < spec.getSources().size(); i++) {
        checkSource(spec.getSources().get(i), "spec.sources[" + i + "]", errors);
      }
    } else {
      checkSource(spec.getSource(), "spec.source", errors);
    }
  }

  private static void checkSource(ApplicationSource source, String at, List<FieldError> errors) {
    if (source == null) {
      errors.add(new FieldError(at, "required: an object with repoURL"));
      return;
    }
    if (source.getRepoURL() == null || source.getRepoURL().isBlank()) {
      errors.add(new FieldError(at + ".repoURL", "required: the Git or Helm repository URL"));
    }
    String path = source.getPath();
    if (path != null && (path.startsWith("/") || List.of(path.split("/")).contains(".."))) {
      errors.add(
          new FieldError(
              at + ".path", "\"" + path + "\" leaves the repository; use a path inside it"));
    }
  }

  private static void checkDestination(ApplicationDestination d, List<FieldError> errors) {
    if (d == null) {
      errors.add(new FieldError("spec.destination", "required: server or name, and namespace"));
      return;
    }
    boolean server = d.getServer() != null && !d.getServer().isBlank();
    boolean name = d.getName() != null && !d.getName().isBlank();
    if (!server && !name) {
      errors.add(
          new FieldError(
              "spec.destination.server",
              "required: the cluster's API URL (https://kubernetes.default.svc for in-cluster)"
                  + " or spec.destination.name"));
    } else if (server && name) {
      errors.add(
          new FieldError(
              "spec.destination.name", "give server or name, not both (Argo CD refuses both)"));
    }
  }

  private static ProblemException failure(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : "invalid application: "
                + String.join(
                    "; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    return ProblemException.badRequest(detail, errors.toArray(FieldError[]::new));
  }
}
