package io.quargo.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quargo.testkit.postgres.TestPostgres;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every Quargo service promises from its first day: it is ready only when connected to Kafka
 * (and to its PostgreSQL schema, migrated by Flyway, when it has state), and it serves Prometheus
 * metrics. A service's test extends this with {@code @QuarkusTest} and its test resources.
 */
public abstract class ServiceReadinessContract {

  /** The service's own database schema, or empty for a service without state. */
  protected abstract Optional<String> schema();

  @Test
  void readinessIncludesKafkaAndIsUp() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body("checks.name", hasItem(containsString("Kafka")));
  }

  @Test
  void readinessIncludesTheDatabaseWhenTheServiceHasState() {
    schema()
        .ifPresent(
            s ->
                given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.name", hasItem(containsString("Database"))));
  }

  @Test
  void flywayMigratedTheServiceSchema() throws SQLException {
    if (schema().isEmpty()) {
      return;
    }
    TestPostgres.Connection c = TestPostgres.connection();
    try (var connection = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "select count(*) from "
                        + schema().get()
                        + ".flyway_schema_history where success")) {
      assertTrue(rs.next());
      assertTrue(rs.getInt(1) >= 1, "no successful Flyway migration in schema " + schema().get());
    }
  }

  @Test
  void servesPrometheusMetrics() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }
}
