package io.quargo.reposerver.rest;

import io.quargo.common.events.RepoRevisionChanged;
import io.quargo.reposerver.config.RepoServerConfig;
import io.quargo.reposerver.watch.GitWebhooks;
import io.quargo.reposerver.watch.PushNotice;
import io.quargo.reposerver.watch.RevisionDetector;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/webhook}: Git push webhooks, as Argo CD's. A verified push for a watched
 * repository checks it at once (fetch, changed paths, {@code quargo.repo.revisions}); a push for a
 * repository nobody watches is accepted and does nothing.
 */
@Path("/api/webhook")
public class WebhookResource {

  private final GitWebhooks webhooks;
  private final RevisionDetector detector;

  public WebhookResource(RepoServerConfig config, RevisionDetector detector) {
    this.webhooks = new GitWebhooks(config.webhook());
    this.detector = detector;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> receive(HttpHeaders headers, byte[] body) {
    Optional<PushNotice> push =
        webhooks.read(headers::getHeaderString, body == null ? new byte[0] : body);
    Map<String, Object> answer = new LinkedHashMap<>();
    if (push.isEmpty()) {
      answer.put("ignored", "not a push event");
      return answer;
    }
    List<String> repositories = detector.watchedMatching(push.get().repoUrls());
    List<RepoRevisionChanged> events = new ArrayList<>();
    for (String url : repositories) {
      events.addAll(detector.check(url));
    }
    answer.put("provider", push.get().provider());
    answer.put("ref", push.get().ref());
    answer.put("repositories", repositories);
    answer.put("events", events.size());
    return answer;
  }
}
