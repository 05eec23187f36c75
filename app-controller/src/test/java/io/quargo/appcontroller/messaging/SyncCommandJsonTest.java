package io.quargo.appcontroller.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.common.events.AppCommand;
import io.quargo.common.events.kafka.EventSerializer;
import io.quargo.common.events.kafka.JsonRecordDeserializer;
import io.quargo.common.json.Json;
import io.quargo.common.model.application.RetryStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sync command's strategy and retryStrategy survive the Kafka topic as Argo's JSON. */
class SyncCommandJsonTest {

  @Test
  void strategyAndRetryStrategyTravelInArgosShape() throws Exception {
    RetryStrategy retry =
        Json.mapper()
            .readValue(
                "{\"limit\":3,\"backoff\":{\"duration\":\"5s\",\"factor\":2,\"maxDuration\":\"3m\"}}",
                RetryStrategy.class);
    AppCommand.Sync sent =
        new AppCommand.Sync(
            "argocd",
            "guestbook",
            null,
            false,
            false,
            List.of(),
            List.of(),
            "op-1",
            "alice",
            Instant.parse("2026-11-27T00:00:00Z"),
            Map.of("apply", Map.of("force", true)),
            retry);

    byte[] json = new EventSerializer().serialize("quargo.app.commands", sent);
    AppCommand received =
        new JsonRecordDeserializer<>(AppCommand.class).deserialize("quargo.app.commands", json);

    assertThat(Json.mapper().readTree(json).path("strategy").toString())
        .isEqualTo("{\"apply\":{\"force\":true}}");
    assertThat(Json.mapper().readTree(json).path("retryStrategy").path("limit").asLong())
        .isEqualTo(3);
    AppCommand.Sync sync = (AppCommand.Sync) received;
    assertThat(sync.strategy()).isEqualTo(Map.of("apply", Map.of("force", true)));
    assertThat(sync.retryStrategy().getBackoff().getMaxDuration()).isEqualTo("3m");
    assertThat(sync.retryStrategy().getLimit()).isEqualTo(3L);
  }
}
