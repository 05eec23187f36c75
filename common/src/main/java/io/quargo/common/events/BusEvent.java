package io.quargo.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An Argo Events event on an event bus topic ({@link Topics#eventBusTopic(String)}), in Argo's
 * event-context vocabulary; keyed by {@code namespace/eventSourceName}.
 *
 * @param id unique id of the event (Argo's {@code context.id})
 * @param eventSourceName the EventSource object that produced it (Argo's {@code context.source})
 * @param eventName the event inside that EventSource, e.g. {@code example} under {@code webhook:}
 *     (Argo's {@code context.subject})
 * @param eventSourceType the source type: {@code webhook}, {@code calendar}, {@code kafka}...
 *     (Argo's {@code context.type})
 * @param dataContentType the media type of {@code data}, usually {@code application/json}
 * @param data the payload sensors filter on ({@code body}, {@code header} for webhooks)
 * @param time when the event happened
 */
public record BusEvent(
    String namespace,
    String id,
    String eventSourceName,
    String eventName,
    String eventSourceType,
    String dataContentType,
    JsonNode data,
    Instant time)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.events.event-published.v1";

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return QuargoEvent.key(namespace, eventSourceName);
  }
}
