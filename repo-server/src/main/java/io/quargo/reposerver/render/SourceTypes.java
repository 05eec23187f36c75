package io.quargo.reposerver.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the source type as Argo CD does: exactly one explicit {@code helm}, {@code kustomize} or
 * {@code directory} block decides; otherwise {@code Chart.yaml} means Helm, a kustomization file
 * Kustomize, anything else a directory of manifests.
 */
public final class SourceTypes {

  /** The file names that make a folder a Kustomize app. */
  public static final List<String> KUSTOMIZATION =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private SourceTypes() {}

  /** The type for {@code source} whose files are in {@code appDir}. */
  public static SourceType of(ManifestSource source, Path appDir) {
    boolean helm = source.helm() != null;
    boolean directory = source.directory() != null;
    boolean kustomize = source.hasKustomize();
    if (helm && !directory && !kustomize) {
      return SourceType.Helm;
    }
    if (directory && !helm && !kustomize) {
      return SourceType.Directory;
    }
    if (kustomize && !helm && !directory) {
      return SourceType.Kustomize;
    }
    return discover(appDir).orElse(SourceType.Directory);
  }

  /** Helm or Kustomize when {@code dir} holds their marker file, else empty. */
  public static Optional<SourceType> discover(Path dir) {
    if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
      return Optional.of(SourceType.Helm);
    }
    for (String name : KUSTOMIZATION) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return Optional.of(SourceType.Kustomize);
      }
    }
    return Optional.empty();
  }
}
