package io.quargo.gateway;

import io.quargo.gateway.support.AppControllerStandInResource;
import io.quargo.testkit.ServiceReadinessContract;
import io.quargo.testkit.kafka.KafkaTestResource;
import io.quargo.testkit.postgres.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(AppControllerStandInResource.class)
class ApiGatewayReadinessTest extends ServiceReadinessContract {
  @Override
  protected Optional<String> schema() {
    return Optional.of("api_gateway");
  }
}
