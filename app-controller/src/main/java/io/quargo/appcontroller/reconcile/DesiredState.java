package io.quargo.appcontroller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.appcontroller.client.RenderException;
import io.quargo.appcontroller.client.RenderedManifests;
import io.quargo.appcontroller.client.RepoServerClient;
import io.quargo.common.model.application.Application;
import io.quargo.common.model.application.ApplicationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an app's desired objects through repo-server, every rendering source in turn; a revision
 * or path repo-server does not know is a {@link RenderException} naming both.
 */
@ApplicationScoped
public class DesiredState {

  private final RepoServerClient repoServer;

  public DesiredState(RepoServerClient repoServer) {
    this.repoServer = repoServer;
  }

  /**
   * Renders {@code app} at its target revisions, or at {@code revision} for its first source when
   * given (a sync to a given revision).
   */
  public Desired render(Application app, String revision) {
    List<ObjectNode> manifests = new ArrayList<>();
    List<String> revisions = new ArrayList<>();
    String sourceType = "";
    String name = app.getMetadata().getName();
    String namespace = Apps.destinationNamespace(app);
    List<ApplicationSource> sources = Apps.renderedSources(app);
    for (int i = 0; i < sources.size(); i++) {
      ApplicationSource source = sources.get(i);
      String at = i == 0 && revision != null && !revision.isBlank() ? revision : null;
      RenderedManifests rendered =
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
      manifests.addAll(rendered.manifests());
      revisions.add(rendered.revision());
      if (i == 0) {
        sourceType = rendered.sourceType();
      }
    }
    return new Desired(manifests, revisions, sourceType);
  }
}
