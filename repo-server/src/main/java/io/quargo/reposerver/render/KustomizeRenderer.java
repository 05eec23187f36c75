package io.quargo.reposerver.render;

import io.quargo.reposerver.RepoServerException;
import io.quargo.reposerver.render.kustomize.ArgoKustomizeSource;
import io.quargo.reposerver.render.kustomize.ExternalKustomize;
import io.quargo.reposerver.render.kustomize.KustomizeEngine;
import io.quargo.reposerver.render.kustomize.KustomizeException;
import io.quargo.reposerver.render.kustomize.KustomizeOutput;
import io.quargo.reposerver.render.kustomize.UnsupportedKustomizationException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a kustomization with the Java {@link KustomizeEngine}, applying the Application's {@code
 * spec.source.kustomize} overrides, and turns the engine's errors into problems: a path that leaves
 * the repository is 400, a field the engine lacks (and no external binary) is 501 naming the field
 * and the file, any other kustomization error is 422 naming the file.
 */
public final class KustomizeRenderer {

  /** Changes when the engine's output for the same input could change; part of the cache key. */
  public static final String ENGINE_VERSION = "kustomize-java-5.6/1";

  private final KustomizeEngine engine;
  private final String version;

  /** A renderer with the Java engine only. */
  public KustomizeRenderer() {
    this(null);
  }

  /** A renderer that hands kustomizations the engine refuses to {@code external} (may be null). */
  public KustomizeRenderer(ExternalKustomize external) {
    this.engine = new KustomizeEngine(external);
    this.version =
        external == null
            ? ENGINE_VERSION
            : ENGINE_VERSION + "|" + String.join(" ", external.command());
  }

  /** The version for cache keys: the engine's, plus the external command when one is set. */
  public String version() {
    return version;
  }

  /** Renders the kustomization in the app directory of {@code context}. */
  public RenderedManifests render(RenderContext context) {
    try {
      KustomizeOutput out =
          engine.render(
              context.repoRoot(),
              context.appDir(),
              ArgoKustomizeSource.overrides(context.source().kustomize()));
      // the engine knows every file it loaded (bases, components, patches, generator files);
      // an external kustomize does not say, so its output depends on the whole repository
      return new RenderedManifests(
          SourceType.Kustomize,
          out.objects(),
          out.origins(),
          out.external() ? java.util.List.of(".") : out.inputs());
    } catch (UnsupportedKustomizationException e) {
      Map<String, Object> ext = new HashMap<>();
      ext.put("path", context.appPath());
      ext.put("unsupportedField", e.field());
      if (e.file() != null) {
        ext.put("file", e.file());
      }
      throw new RepoServerException(
          501,
          "unsupported-kustomization",
          "Kustomize field not supported",
          e.getMessage(),
          ext,
          e);
    } catch (KustomizeException e) {
      if (leavesRepository(e.getMessage())) {
        Map<String, Object> ext = new HashMap<>();
        ext.put("path", context.appPath());
        if (e.file() != null) {
          ext.put("file", e.file());
        }
        throw new RepoServerException(
            400, "path-outside-repository", "Path outside the repository", e.getMessage(), ext, e);
      }
      throw new RenderException(e.file() == null ? context.appPath() : e.file(), bare(e), e);
    }
  }

  /** The engine's RepoFiles phrases for {@code ..}, absolute paths and symlinks out. */
  static boolean leavesRepository(String message) {
    return message != null
        && (message.contains("leaves the repository") || message.contains("is an absolute path"));
  }

  private static String bare(KustomizeException e) {
    String message = e.getMessage();
    String prefix = e.file() + ": ";
    return e.file() != null && message.startsWith(prefix)
        ? message.substring(prefix.length())
        : message;
  }
}
