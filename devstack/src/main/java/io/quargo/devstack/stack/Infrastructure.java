package io.quargo.devstack.stack;

import io.quargo.devstack.git.DemoRepository;
import io.quargo.devstack.git.GitDaemon;
import io.quargo.devstack.git.GitRepos;
import io.quargo.devstack.sandbox.SandboxCluster;
import io.quargo.devstack.sandbox.SandboxOptions;
import io.quargo.devstack.stack.StackState.PartRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The stack's infrastructure, started in order and each waited for: PostgreSQL, Kafka (its own
 * process), the sandbox cluster (in-process, a SIMULATION) or the user's cluster, and the Git
 * server with the demo repository. {@link #close()} stops them in reverse dependency order.
 */
public final class Infrastructure implements AutoCloseable {
  /** An external database from {@code QUARGO_DB_URL}, {@code _USER}, {@code _PASSWORD}. */
  public record ExternalDatabase(String url, String user, String password) {}

  /**
   * How to start the infrastructure.
   *
   * @param classpath a classpath holding Kafka's jars (the devstack runtime classpath)
   * @param externalDatabase the database to use instead of an embedded one, or null
   * @param userKubeconfig the user's {@code KUBECONFIG}, used instead of a sandbox, or null
   */
  public record Options(
      StackHome home,
      PortPlan ports,
      String classpath,
      ExternalDatabase externalDatabase,
      String userKubeconfig,
      Duration readyTimeout,
      PrintStream out) {}

  private final Options options;
  private final Consumer<PartRecord> recorder;
  private EmbeddedDatabase database;
  private ChildProcess kafka;
  private SandboxCluster sandbox;
  private GitDaemon git;
  private boolean closed;

  private String jdbcUrl;
  private String dbUser;
  private String dbPassword;
  private String kubeconfigPath;

  private Infrastructure(Options options, Consumer<PartRecord> recorder) {
    this.options = options;
    this.recorder = recorder;
  }

  /**
   * Starts every part; on failure stops what already started and rethrows.
   *
   * @param recorder told about each part once its process exists (for {@code state.json})
   */
  public static Infrastructure start(Options options, Consumer<PartRecord> recorder) {
    Infrastructure infra = prepare(options, recorder);
    infra.startAll();
    return infra;
  }

  /**
   * An infrastructure that has not started yet: the supervisor holds it before {@link #startAll()},
   * so a stop request during start-up reaches whatever has started so far.
   */
  public static Infrastructure prepare(Options options, Consumer<PartRecord> recorder) {
    return new Infrastructure(options, recorder);
  }

  /** Starts PostgreSQL, Kafka, the cluster and the Git server in order; on failure stops them. */
  public void startAll() {
    try {
      step(this::startDatabase);
      step(this::startKafka);
      step(this::startCluster);
      step(this::startGit);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** One start step; none begins once {@link #close()} was called, and close waits for a step. */
  private synchronized void step(Runnable start) {
    if (closed) {
      throw new IllegalStateException("the stack is stopping; not starting more parts");
    }
    start.run();
  }

  private void startDatabase() {
    ExternalDatabase external = options.externalDatabase();
    if (external != null) {
      jdbcUrl = external.url();
      dbUser = external.user();
      dbPassword = external.password();
      options.out().println("PostgreSQL: using QUARGO_DB_URL " + jdbcUrl + " (no embedded server)");
      recorder.accept(
          new PartRecord("postgres", "PostgreSQL (external)", 0, "", 0, jdbcUrl, "", false));
      return;
    }
    int port = options.ports().port(StackPart.POSTGRES);
    Path log = options.home().log("postgres");
    database = EmbeddedDatabase.start(options.home().data("postgres"), port, log);
    jdbcUrl = database.jdbcUrl();
    dbUser = EmbeddedDatabase.NAME;
    dbPassword = EmbeddedDatabase.NAME;
    options.out().println("PostgreSQL ready on port " + port + " (" + jdbcUrl + ")");
    long pid = database.pid();
    String command = ProcessHandle.of(pid).map(ProcessRecords::commandOf).orElse("");
    recorder.accept(
        new PartRecord(
            "postgres", "PostgreSQL", pid, command, port, jdbcUrl, log.toString(), true));
  }

  private void startKafka() {
    int port = options.ports().port(StackPart.KAFKA);
    int controllerPort = options.ports().port(StackPart.KAFKA_CONTROLLER);
    Path log = options.home().log("kafka");
    kafka =
        KafkaBroker.start(
            options.home().data("kafka"), port, controllerPort, options.classpath(), "384m", log);
    recorder.accept(
        new PartRecord(
            "kafka",
            "Kafka",
            kafka.pid(),
            kafka.command(),
            port,
            bootstrapServers(),
            log.toString(),
            true));
    Readiness.await("Kafka", () -> Readiness.accepts(port), kafka, log, options.readyTimeout());
    options.out().println("Kafka ready on port " + port);
  }

  private void startCluster() {
    if (options.userKubeconfig() != null) {
      kubeconfigPath = options.userKubeconfig();
      options
          .out()
          .println("Kubernetes: using KUBECONFIG " + kubeconfigPath + " (no sandbox cluster)");
      recorder.accept(
          new PartRecord(
              "sandbox", "Kubernetes (KUBECONFIG)", 0, "", 0, kubeconfigPath, "", false));
      return;
    }
    int port = options.ports().port(StackPart.SANDBOX);
    sandbox = SandboxCluster.start(SandboxOptions.defaults().withPort(port));
    Path kubeconfig = options.home().kubeconfig();
    try {
      Files.createDirectories(kubeconfig.getParent());
      Files.writeString(kubeconfig, sandbox.kubeconfig());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kubeconfig, e);
    }
    kubeconfigPath = kubeconfig.toString();
    options
        .out()
        .println(
            "Sandbox cluster ready at "
                + sandbox.url()
                + ": a SIMULATION, not a real Kubernetes (kubeconfig "
                + kubeconfig
                + "; set KUBECONFIG to use a real cluster)");
    ProcessHandle self = ProcessHandle.current();
    recorder.accept(
        new PartRecord(
            "sandbox",
            "sandbox cluster (SIMULATION)",
            self.pid(),
            ProcessRecords.commandOf(self),
            sandbox.port(),
            sandbox.url(),
            "",
            false));
  }

  private void startGit() {
    int port = options.ports().port(StackPart.GIT);
    Path log = options.home().log("git");
    git = GitDaemon.start(options.home().data("git"), port, log);
    String url = git.url(DemoRepository.NAME);
    String sha = DemoRepository.publish(new GitRepos(git.baseDir()), url);
    options
        .out()
        .println("Git server ready on port " + port + ": demo repository " + url + " at " + sha);
    ProcessHandle daemon = git.process();
    recorder.accept(
        new PartRecord(
            "git",
            "Git server",
            daemon.pid(),
            ProcessRecords.commandOf(daemon),
            port,
            url,
            log.toString(),
            true));
  }

  /** {@code 127.0.0.1:port} of the broker. */
  public String bootstrapServers() {
    return "127.0.0.1:" + options.ports().port(StackPart.KAFKA);
  }

  /** The JDBC URL of database {@code quargo}. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The database user. */
  public String dbUser() {
    return dbUser;
  }

  /** The database password. */
  public String dbPassword() {
    return dbPassword;
  }

  /** The kubeconfig file every service uses (the sandbox's or the user's). */
  public String kubeconfigPath() {
    return kubeconfigPath;
  }

  /** The sandbox cluster, or null when the user's cluster is used. */
  public SandboxCluster sandbox() {
    return sandbox;
  }

  /** The demo repository's clone URL. */
  public String demoRepoUrl() {
    return git == null ? null : git.url(DemoRepository.NAME);
  }

  /** Stops Kafka, then the Git server, then PostgreSQL and the sandbox; each failure is printed. */
  @Override
  public synchronized void close() {
    closed = true;
    quietly(
        "Kafka",
        () -> {
          if (kafka != null) {
            kafka.stop(15_000);
          }
        });
    quietly(
        "Git server",
        () -> {
          if (git != null) {
            git.close();
          }
        });
    quietly(
        "PostgreSQL",
        () -> {
          if (database != null) {
            database.close();
          }
        });
    quietly(
        "sandbox cluster",
        () -> {
          if (sandbox != null) {
            sandbox.close();
          }
        });
  }

  private void quietly(String label, Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException e) {
      options.out().println("stopping " + label + " failed: " + e.getMessage());
    }
  }
}
