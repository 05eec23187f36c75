package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An Argo CD Application's {@code spec.source.kustomize} parameters. Argo CD applies them with
 * {@code kustomize edit set ...} on the top kustomization before building, so they act as if
 * written in the top-level kustomization file: images replace entries of the same name, the prefix,
 * suffix and namespace replace the file's values, labels and annotations are added (an existing key
 * is an error unless forced), replicas replace entries of the same name, patches are appended.
 *
 * @param images {@code kustomize edit set image} arguments: {@code name=newName:tag}, {@code
 *     name:tag}, {@code name@digest}
 * @param replicas name and count ({@code count} as number or numeric string)
 * @param patches entries shaped like a kustomization's {@code patches} (path, patch, target)
 * @param components component folders appended to {@code components} (relative to the app path)
 */
public record KustomizeOverrides(
    List<String> images,
    String namePrefix,
    String nameSuffix,
    Map<String, String> commonLabels,
    boolean forceCommonLabels,
    boolean labelWithoutSelector,
    boolean labelIncludeTemplates,
    Map<String, String> commonAnnotations,
    boolean forceCommonAnnotations,
    String namespace,
    List<Replica> replicas,
    List<JsonNode> patches,
    List<String> components) {

  /** One {@code replicas} override. */
  public record Replica(String name, long count) {}

  /** No overrides. */
  public static final KustomizeOverrides NONE =
      new KustomizeOverrides(
          List.of(), null, null, Map.of(), false, false, false, Map.of(), false, null, List.of(),
          List.of(), List.of());

  /** Whether any override is set. */
  public boolean isEmpty() {
    return (images == null || images.isEmpty())
        && empty(namePrefix)
        && empty(nameSuffix)
        && (commonLabels == null || commonLabels.isEmpty())
        && (commonAnnotations == null || commonAnnotations.isEmpty())
        && empty(namespace)
        && (replicas == null || replicas.isEmpty())
        && (patches == null || patches.isEmpty())
        && (components == null || components.isEmpty());
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }
}
