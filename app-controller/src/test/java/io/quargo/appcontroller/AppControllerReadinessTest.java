package io.quargo.appcontroller;

import io.quargo.testkit.ServiceReadinessContract;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AppControllerReadinessTest extends ServiceReadinessContract {
  @Override
  protected Optional<String> schema() {
    return Optional.of("app_controller");
  }
}
