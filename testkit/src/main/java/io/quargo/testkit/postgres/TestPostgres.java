package io.quargo.testkit.postgres;

import io.quargo.testkit.DockerEngine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL per test JVM, shared by every test class.
 *
 * <p>{@code QUARGO_TEST_DB_URL} (with {@code QUARGO_TEST_DB_USER}, {@code QUARGO_TEST_DB_PASSWORD})
 * uses an existing server; otherwise a Testcontainers PostgreSQL when Docker is present; otherwise
 * embedded PostgreSQL binaries (zonky), which need nothing installed.
 */
public final class TestPostgres {
  /** How to reach the database. */
  public record Connection(String jdbcUrl, String user, String password) {}

  private static Connection connection;

  private TestPostgres() {}

  /** Starts the database on first use. */
  public static synchronized Connection connection() {
    if (connection == null) {
      String url = System.getenv("QUARGO_TEST_DB_URL");
      if (url != null && !url.isBlank()) {
        connection =
            new Connection(
                url,
                envOr("QUARGO_TEST_DB_USER", "postgres"),
                envOr("QUARGO_TEST_DB_PASSWORD", ""));
      } else if (DockerEngine.available()) {
        connection = startContainer();
      } else {
        connection = startEmbedded();
      }
    }
    return connection;
  }

  private static Connection startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
      return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    } catch (IOException e) {
      throw new IllegalStateException("could not start embedded PostgreSQL", e);
    }
  }

  private static Connection startContainer() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is ending
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  /** The datasource configuration a Quarkus service needs to reach this database. */
  public static Map<String, String> quarkusConfig() {
    Connection c = connection();
    return Map.of(
        "quarkus.datasource.jdbc.url", c.jdbcUrl(),
        "quarkus.datasource.username", c.user(),
        "quarkus.datasource.password", c.password());
  }
}
