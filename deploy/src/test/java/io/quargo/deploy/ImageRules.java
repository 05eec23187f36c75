package io.quargo.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks image references: quargo/<module>:<version> of a module with a Dockerfile, or known infra.
 */
final class ImageRules {

  /** Third-party images the manifests may use, by repository (the part before the tag). */
  static final Set<String> INFRA_IMAGES = Set.of("apache/kafka", "postgres");

  private final ProjectLayout layout;

  ImageRules(ProjectLayout layout) {
    this.layout = layout;
  }

  /** The module an image of ours was built from, empty for anything else. */
  static Optional<String> quargoModule(String image) {
    if (!image.startsWith("quargo/")) {
      return Optional.empty();
    }
    String rest = image.substring("quargo/".length());
    int colon = rest.indexOf(':');
    return Optional.of(colon < 0 ? rest : rest.substring(0, colon));
  }

  /** Problems with one image reference; {@code where} says where it was found. */
  List<String> check(String image, String where) {
    List<String> problems = new ArrayList<>();
    Optional<String> module = quargoModule(image);
    if (module.isEmpty()) {
      String repository = image.contains(":") ? image.substring(0, image.indexOf(':')) : image;
      if (!INFRA_IMAGES.contains(repository)) {
        problems.add(
            where
                + ": image "
                + image
                + " is neither quargo/<module> nor a known infra image "
                + INFRA_IMAGES
                + "; use an image built from a module or add it to ImageRules.INFRA_IMAGES");
      }
      return problems;
    }
    String name = module.get();
    if (!layout.modules().contains(name)) {
      problems.add(
          where + ": image " + image + " names module " + name + ", which the root pom.xml lacks");
    } else if (!layout.hasDockerfile(name)) {
      problems.add(
          where + ": image " + image + " needs " + name + "/src/main/docker/Dockerfile.jvm");
    }
    String expected = "quargo/" + name + ":" + layout.version();
    if (!image.equals(expected)) {
      problems.add(where + ": image " + image + " should be tagged " + expected);
    }
    return problems;
  }

  /** Problems with every container image of the Deployments and StatefulSets given. */
  List<String> checkWorkloads(List<Manifest> manifests) {
    List<String> problems = new ArrayList<>();
    for (Manifest m : manifests) {
      if (!ManifestRules.WORKLOAD_KINDS.contains(m.kind())) {
        continue;
      }
      for (String field : List.of("containers", "initContainers")) {
        m.node()
            .path("spec")
            .path("template")
            .path("spec")
            .path(field)
            .forEach(c -> problems.addAll(check(c.path("image").asText(), m.describe())));
      }
    }
    return problems;
  }
}
