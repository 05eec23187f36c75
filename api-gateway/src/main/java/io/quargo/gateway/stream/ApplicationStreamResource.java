package io.quargo.gateway.stream;

import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.auth.CurrentCaller;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD's application watch as server-sent events: each event is {@code data:
 * {"result":{"type":"ADDED|MODIFIED|DELETED","application":{...}}}}. It starts with the apps the
 * caller may see now (ADDED), then follows {@code quargo.app.events}. Browsers' EventSource cannot
 * set headers, so the {@code argocd.token} cookie authenticates as well as a bearer token.
 */
@Path("/api/v1/stream/applications")
public class ApplicationStreamResource {

  private final ApplicationStreamHub hub;
  private final CurrentCaller current;

  public ApplicationStreamResource(ApplicationStreamHub hub, CurrentCaller current) {
    this.hub = hub;
    this.current = current;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Blocking
  public Multi<String> watch(
      @QueryParam("name") String name,
      @QueryParam("projects") List<String> projects,
      @QueryParam("project") List<String> project,
      @QueryParam("selector") String selector,
      @QueryParam("appNamespace") String appNamespace) {
    Caller caller = current.get();
    List<String> wanted = new ArrayList<>(projects);
    wanted.addAll(project);
    WatchFilter filter = WatchFilter.of(name, wanted, selector, appNamespace);
    return Multi.createFrom()
        .<String>emitter(
            emitter -> {
              ApplicationWatch watch = new ApplicationWatch(caller, filter, emitter);
              emitter.onTermination(() -> hub.close(watch));
              try {
                hub.open(watch);
              } catch (RuntimeException e) {
                emitter.fail(e);
              }
            },
            BackPressureStrategy.BUFFER)
        // the initial listing calls app-controller: not on the event loop
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
