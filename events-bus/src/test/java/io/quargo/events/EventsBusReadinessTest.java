package io.quargo.events;

import io.quargo.testkit.ServiceReadinessContract;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class EventsBusReadinessTest extends ServiceReadinessContract {
  @Override
  protected Optional<String> schema() {
    return Optional.of("events_bus");
  }
}
