package io.quargo.gateway.rbac;

import io.quargo.common.model.project.AppProject;
import io.quargo.common.model.project.JwtToken;
import io.quargo.common.model.project.ProjectRole;
import java.util.List;
import java.util.Optional;

/**
 * An AppProject's roles as policy lines: each role's {@code p} lines for its own subject {@code
 * proj:<project>:<role>} on objects of the project, and a {@code g} line per bound group.
 */
public final class ProjectPolicies {

  private ProjectPolicies() {}

  /** The subject of a project role. */
  public static String subject(String project, String role) {
    return "proj:" + project + ":" + role;
  }

  /** The policy lines of {@code project}; lines for other subjects or projects are left out. */
  public static String csv(AppProject project) {
    String name = project.getMetadata().getName();
    StringBuilder out = new StringBuilder();
    for (ProjectRole role : roles(project)) {
      String subject = subject(name, role.getName());
      for (String line : nullToEmpty(role.getPolicies())) {
        String[] f = line.split(",", -1);
        if (f.length >= 5
            && f[0].strip().equals("p")
            && f[1].strip().equals(subject)
            && withinProject(name, f[2].strip(), f[4].strip())) {
          out.append(line.strip()).append('\n');
        }
      }
      for (String group : nullToEmpty(role.getGroups())) {
        out.append("g, ").append(group).append(", ").append(subject).append('\n');
      }
    }
    return out.toString();
  }

  /** Whether {@code project} has {@code role} with a token of id {@code id} (or issued at iat). */
  public static boolean hasToken(AppProject project, String role, String id, long iat) {
    return findRole(project, role)
        .map(
            r ->
                nullToEmpty(r.getJwtTokens()).stream()
                    .anyMatch(
                        (JwtToken t) ->
                            id != null && id.equals(t.getId())
                                || id == null && t.getIat() != null && t.getIat() == iat))
        .orElse(false);
  }

  /** The role {@code role} of {@code project}. */
  public static Optional<ProjectRole> findRole(AppProject project, String role) {
    return roles(project).stream().filter(r -> role.equals(r.getName())).findFirst();
  }

  private static boolean withinProject(String project, String resource, String object) {
    return switch (resource) {
      case "projects" -> object.equals(project);
      case "applications", "applicationsets", "logs", "exec", "repositories", "clusters" ->
          object.startsWith(project + "/");
      default -> false;
    };
  }

  private static List<ProjectRole> roles(AppProject project) {
    return project.getSpec() == null ? List.of() : nullToEmpty(project.getSpec().getRoles());
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
