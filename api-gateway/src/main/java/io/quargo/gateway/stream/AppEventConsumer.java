package io.quargo.gateway.stream;

import io.quargo.common.events.AppStatusChanged;
import io.quargo.gateway.application.ApplicationListCache;
import io.smallrye.common.annotation.Blocking;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Feeds {@code quargo.app.events} to the open watches. Each gateway instance reads with its own
 * consumer group from the latest offset (see application.properties): every instance must see every
 * event for its own connections, and a watch only cares about what happens from now on. A record
 * that cannot be read is logged and skipped; a dead letter per replica would only repeat what
 * app-controller's own consumers report.
 */
public class AppEventConsumer {

  /** The incoming channel (topic {@code quargo.app.events}). */
  public static final String CHANNEL = "app-events-stream";

  private static final Logger LOG = Logger.getLogger(AppEventConsumer.class);

  private final ApplicationStreamHub hub;
  private final ApplicationListCache lists;

  public AppEventConsumer(ApplicationStreamHub hub, ApplicationListCache lists) {
    this.hub = hub;
    this.lists = lists;
  }

  @Incoming(CHANNEL)
  @Blocking
  public CompletionStage<Void> consume(Message<AppStatusChanged> message) {
    AppStatusChanged event = message.getPayload();
    lists.expire();
    if (event == null) {
      LOG.debug("skipped an unreadable record on quargo.app.events");
    } else {
      try {
        hub.changed(event);
      } catch (RuntimeException e) {
        LOG.warnf(e, "could not stream the change of application %s", event.key());
      }
    }
    return message.ack();
  }
}
