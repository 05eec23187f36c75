package io.quargo.gateway;

import io.quargo.testkit.ServiceReadinessContract;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ApiGatewayReadinessTest extends ServiceReadinessContract {
  @Override
  protected Optional<String> schema() {
    return Optional.empty();
  }
}
