package io.quargo.devstack.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The stack's PostgreSQL: embedded binaries (zonky) with a data directory that survives restarts,
 * holding database {@code quargo} owned by user {@code quargo} (password {@code quargo}).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  /** The database, user and password the services use. */
  public static final String NAME = "quargo";

  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /** Starts PostgreSQL on the port with data in {@code dataDir}; logs go to {@code log}. */
  public static EmbeddedDatabase start(Path dataDir, int port, Path log) {
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(log.toAbsolutePath().getParent());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(30))
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      EmbeddedDatabase db = new EmbeddedDatabase(postgres, dataDir);
      db.createQuargoDatabase();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "embedded PostgreSQL did not start on port "
              + port
              + " with data in "
              + dataDir
              + "; see "
              + log,
          e);
    }
  }

  private void createQuargoDatabase() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      var user = s.executeQuery("select 1 from pg_roles where rolname = '" + NAME + "'");
      if (!user.next()) {
        s.execute("create user " + NAME + " with password '" + NAME + "' createdb");
      }
      var db = s.executeQuery("select 1 from pg_database where datname = '" + NAME + "'");
      if (!db.next()) {
        s.execute("create database " + NAME + " owner " + NAME);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create database and user quargo: " + e.getMessage(), e);
    }
  }

  /** {@code jdbc:postgresql://127.0.0.1:port/quargo}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + NAME;
  }

  /** The port. */
  public int port() {
    return postgres.getPort();
  }

  /** The postmaster's pid, from {@code postmaster.pid} in the data directory; 0 if unknown. */
  public long pid() {
    try {
      String first = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
      return Long.parseLong(first);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Stops PostgreSQL (a fast shutdown; the data stays). */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("stopping embedded PostgreSQL failed", e);
    }
  }
}
