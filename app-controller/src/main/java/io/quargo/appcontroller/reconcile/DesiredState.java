package io.quargo.appcontroller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RenderException;
import io.quargo.appcontroller.client.RenderedManifests;
import io.quargo.appcontroller.client.RepoServerClient;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an app's desired objects through repo-server, every rendering source in turn, and
 * concatenates them (Argo CD's multi-source apps); {@code $ref/...} Helm value files are read from
 * the source with that {@code ref} at its targetRevision ({@link RefValues}). A revision or path
 * repo-server does not know is a {@link RenderException} naming both.
 */
@ApplicationScoped
public class DesiredState {

  private final RepoServerClient repoServer;

  public DesiredState(RepoServerClient repoServer) {
    this.repoServer = repoServer;
  }

  /**
   * Renders {@code app} at its target revisions, or at {@code revision} for its first source when
   * given (a sync to a given revision). The revisions are one per source of {@code spec.sources} (a
   * ref-only source's too), in order, as Argo's {@code status.sync.revisions}.
   */
  public Desired render(Application app, String revision) {
    List<ObjectNode> manifests = new ArrayList<>();
    String sourceType = "";
    String name = app.getMetadata().getName();
    String namespace = Apps.destinationNamespace(app);
    List<ApplicationSource> all = allSources(app);
    List<ApplicationSource> rendered = Apps.renderedSources(app);
    Map<String, ApplicationSource> refs = new LinkedHashMap<>();
    for (ApplicationSource s : all) {
      if (s.getRef() != null && !s.getRef().isBlank()) {
        refs.put(s.getRef(), s);
      }
    }
    Map<String, String> refRevisions = new HashMap<>();
    Map<ApplicationSource, String> revisions = new HashMap<>();
    for (int i = 0; i < rendered.size(); i++) {
      ApplicationSource original = rendered.get(i);
      ApplicationSource source = RefValues.resolve(original, refs, refRevisions, repoServer);
      String at = i == 0 && revision != null && !revision.isBlank() ? revision : null;
      RenderedManifests result =
          repoServer
              .render(source, at, name, namespace)
              .orElseThrow(
                  () ->
                      new RenderException(
                          404,
                          "revision "
                              + (at != null ? at : source.getTargetRevision())
                              + " or path "
                              + source.getPath()
                              + " not found in "
                              + source.getRepoURL()
                              + "; check spec.source.targetRevision and spec.source.path",
                          null));
      manifests.addAll(result.manifests());
      revisions.put(original, result.revision());
      if (i == 0) {
        sourceType = result.sourceType();
      }
    }
    List<String> ordered = new ArrayList<>();
    for (ApplicationSource s : all) {
      String sha = revisions.get(s);
      if (sha == null && s.getRef() != null) {
        sha = refRevisions.get(s.getRef());
        if (sha == null) {
          sha =
              repoServer
                  .file(s.getRepoURL(), s.getTargetRevision(), null)
                  .map(f -> f.revision())
                  .orElseThrow(
                      () ->
                          new RenderException(
                              404,
                              "revision "
                                  + s.getTargetRevision()
                                  + " not found in "
                                  + s.getRepoURL()
                                  + " (source ref "
                                  + s.getRef()
                                  + ")",
                              null));
        }
      }
      ordered.add(sha == null ? "" : sha);
    }
    return new Desired(manifests, ordered, sourceType);
  }

  private static List<ApplicationSource> allSources(Application app) {
    if (Apps.multiSource(app)) {
      return app.getSpec().getSources();
    }
    return Apps.renderedSources(app);
  }
}
