package io.quargo.e2e.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quargo.devstack.stack.Infrastructure;
import io.quargo.devstack.stack.PortPlan;
import io.quargo.devstack.stack.ServiceFleet;
import io.quargo.devstack.stack.StackHome;
import io.quargo.devstack.stack.StackPart;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Starts the suite the way {@code ./quargo up} does (devstack's {@link Infrastructure} and {@link
 * ServiceFleet}), but on free ports and in its own folder under {@code e2e/target}, so it never
 * collides with a stack a developer runs, and with two more gateway accounts ({@link
 * #serviceConfiguration}); {@link #close()} stops every process it started.
 */
public final class SuiteLauncher implements RunningSuite, AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

  private final Path repoRoot;
  private final StackHome home;
  private final Infrastructure infra;
  private final ServiceFleet fleet;
  private final int gatewayPort;
  private final String adminPassword;
  private final GatewayApi api;
  private final Thread shutdownHook = new Thread(this::stop, "quargo-e2e-suite-stop");
  private boolean stopped;

  private SuiteLauncher(
      Path repoRoot,
      StackHome home,
      Infrastructure infra,
      ServiceFleet fleet,
      int gatewayPort,
      String adminPassword) {
    this.repoRoot = repoRoot;
    this.home = home;
    this.infra = infra;
    this.fleet = fleet;
    this.gatewayPort = gatewayPort;
    this.adminPassword = adminPassword;
    this.api = new GatewayApi(gatewayUrl(), adminUsername(), adminPassword);
    // a test JVM that is ended early still stops the services (they run in their own sessions)
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts everything and waits until each service is ready; on failure stops what started. */
  static SuiteLauncher start(PrintStream out) {
    Path repoRoot = findRepoRoot();
    StackHome home = new StackHome(stackRoot(repoRoot));
    List<String> missing = ServiceFleet.missingJars(home);
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "the e2e suite runs the services' built jars: " + String.join("; ", missing));
    }
    PortPlan ports = freePorts();
    long started = System.nanoTime();
    Infrastructure infra =
        Infrastructure.start(
            new Infrastructure.Options(
                home, ports, System.getProperty("java.class.path"), null, null, READY_TIMEOUT, out),
            part -> {});
    ServiceFleet fleet = new ServiceFleet(serviceConfiguration());
    try {
      fleet.start(home, ports, infra, READY_TIMEOUT, out, part -> {});
      Path passwordFile = home.data("api-gateway").resolve("initial-admin-password");
      Awaitility.await("the gateway writes " + passwordFile)
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.isRegularFile(passwordFile) && Files.size(passwordFile) > 0);
      String password = Files.readString(passwordFile).strip();
      int gatewayPort = ports.port(StackPart.byName("api-gateway"));
      out.printf(
          "e2e: Quargo suite ready in %.1f s; gateway http://127.0.0.1:%d, logs %s%n",
          (System.nanoTime() - started) / 1e9, gatewayPort, home.logs());
      return new SuiteLauncher(repoRoot, home, infra, fleet, gatewayPort, password);
    } catch (RuntimeException | IOException e) {
      fleet.close();
      infra.close();
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
  }

  /**
   * The repository root: {@code quargo.e2e.root} (Maven sets it), else the first folder upwards
   * from the working directory that has the devstack module.
   */
  static Path findRepoRoot() {
    String configured = System.getProperty("quargo.e2e.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("devstack"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the Quargo repository root above the working dir");
  }

  /**
   * A fresh folder {@code e2e/target/suite-<n>} that stands in for the repository root: it holds a
   * snapshot of each service's {@code target/quarkus-app} (hard links where the file system allows,
   * else copies), so a rebuild during the run cannot pull a jar from under a running service, and
   * the stack's state, data and logs land in its own {@code .quargo/}, away from a developer's
   * {@code ./quargo up}.
   */
  private static Path stackRoot(Path repoRoot) {
    try {
      Path target = buildDirectory();
      Files.createDirectories(target);
      Path root = Files.createTempDirectory(target, "suite-");
      for (StackPart service : StackPart.SERVICES) {
        Path app = Path.of(service.module(), "target", "quarkus-app");
        if (Files.isDirectory(repoRoot.resolve(app))) {
          snapshot(repoRoot.resolve(app), root.resolve(app));
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the e2e stack folder", e);
    }
  }

  private static void snapshot(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path copy = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          try {
            Files.createLink(copy, source);
          } catch (IOException | UnsupportedOperationException otherFileSystem) {
            Files.copy(source, copy);
          }
        }
      }
    }
  }

  /**
   * The module's build folder ({@code quargo.e2e.target}, which Maven sets), where the stack's
   * folder, screenshots and browser profiles go.
   */
  public static Path buildDirectory() {
    String configured = System.getProperty("quargo.e2e.target");
    return configured == null || configured.isBlank()
        ? findRepoRoot().resolve("e2e/target")
        : Path.of(configured).toAbsolutePath();
  }

  /** Every part on a port the kernel just handed out (all held at once, so none repeats). */
  private static PortPlan freePorts() {
    Map<String, String> env = new HashMap<>();
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (StackPart part : StackPart.all()) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        env.put(part.portVariable(), Integer.toString(socket.getLocalPort()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the port is free again either way
        }
      }
    }
    return PortPlan.resolve(env::get, Map.of());
  }

  @Override
  public String gatewayUrl() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  @Override
  public String adminPassword() {
    return adminPassword;
  }

  @Override
  public KubernetesClient sandbox() {
    return infra.sandbox().client();
  }

  @Override
  public Path kubeconfig() {
    return Path.of(infra.kubeconfigPath());
  }

  @Override
  public String demoRepoUrl() {
    return infra.demoRepoUrl();
  }

  @Override
  public Path repoRoot() {
    return repoRoot;
  }

  @Override
  public Path logs() {
    return home.logs();
  }

  @Override
  public GatewayApi api() {
    return api;
  }

  /**
   * The suite's second local account (login only): a test that changes a password changes this
   * one's, since a change ends every session of the account and the other tests hold admin's.
   */
  public static final String SECOND_ACCOUNT = "alice";

  /** The suite's API-token account (capability {@code apiKey} only, no login). */
  public static final String TOKEN_ACCOUNT = "ci-bot";

  /**
   * What the suite's services get besides {@code ./quargo up}'s configuration, as system properties
   * by service: the gateway's two extra local accounts, {@link #SECOND_ACCOUNT} and {@link
   * #TOKEN_ACCOUNT}.
   */
  static Map<String, Map<String, String>> serviceConfiguration() {
    Map<String, String> gateway = new LinkedHashMap<>();
    gateway.put("quargo.gateway.accounts." + SECOND_ACCOUNT + ".enabled", "true");
    gateway.put("quargo.gateway.accounts." + TOKEN_ACCOUNT + ".capabilities", "apiKey");
    return Map.of("api-gateway", gateway);
  }

  /** A local account of the suite's gateway, and its password as the suite set it. */
  public record LocalAccount(String name, String password) {}

  private LocalAccount secondAccount;

  /**
   * {@link #SECOND_ACCOUNT}, on the suite's gateway; at the first call the suite sets its password,
   * as admin.
   */
  public synchronized LocalAccount secondAccount() {
    if (secondAccount == null) {
      String password = "e2e-" + UUID.randomUUID();
      api.put(
          "/api/v1/account/password",
          new ObjectMapper()
              .createObjectNode()
              .put("name", SECOND_ACCOUNT)
              .put("currentPassword", adminPassword)
              .put("newPassword", password));
      secondAccount = new LocalAccount(SECOND_ACCOUNT, password);
    }
    return secondAccount;
  }

  /** Stops the services, then Kafka, Git, PostgreSQL and the sandbox. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    fleet.close();
    infra.close();
  }
}
