package io.quargo.appcontroller.messaging;

import io.quargo.common.events.AppCommand;
import io.quargo.common.events.QuargoEvent;
import io.quargo.common.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code quargo.app.commands} as the consumer group {@code app-controller} (replicas share
 * the partitions, so each owns the apps whose keys hash to its partitions). A message that cannot
 * be read or executed is nacked and goes to {@code quargo.app.commands.dlq}; a command the API
 * would refuse (unknown app, an operation already running) is logged and acknowledged.
 */
@ApplicationScoped
public class AppCommandConsumer {

  /** The incoming channel (topic {@code quargo.app.commands}). */
  public static final String CHANNEL = "app-commands";

  private static final Logger LOG = Logger.getLogger(AppCommandConsumer.class);

  private final AppCommandHandler handler;

  public AppCommandConsumer(AppCommandHandler handler) {
    this.handler = handler;
  }

  @Incoming(CHANNEL)
  @Blocking
  public CompletionStage<Void> consume(Message<QuargoEvent> message) {
    QuargoEvent payload = message.getPayload();
    if (!(payload instanceof AppCommand command)) {
      return message.nack(
          new IllegalArgumentException(
              "not an app command: "
                  + (payload == null ? failure(message) : payload.getClass().getSimpleName())));
    }
    LOG.infof(
        "%s for %s from partition %s",
        command.ceType(),
        command.key(),
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(m -> String.valueOf(m.getPartition()))
            .orElse("?"));
    try {
      handler.handle(command, false);
      return message.ack();
    } catch (ProblemException e) {
      LOG.warnf("command %s for %s refused: %s", command.ceType(), command.key(), e.getMessage());
      return message.ack();
    } catch (RuntimeException e) {
      LOG.errorf(e, "command %s for %s failed", command.ceType(), command.key());
      return message.nack(e);
    }
  }

  /** The deserialization failure SmallRye recorded in the record's headers. */
  static String failure(Message<?> message) {
    return message
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> m.getHeaders().lastHeader("deserialization-failure-reason"))
        .map(h -> new String(h.value(), StandardCharsets.UTF_8))
        .orElse("unreadable record");
  }
}
