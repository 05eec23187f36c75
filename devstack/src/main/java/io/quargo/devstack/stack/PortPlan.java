package io.quargo.devstack.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The port of every part: default, overridden by {@code QUARGO_<PART>_PORT} or a flag, and the
 * check that each is free before anything starts.
 */
public final class PortPlan {
  private final Map<StackPart, Integer> ports;

  private PortPlan(Map<StackPart, Integer> ports) {
    this.ports = ports;
  }

  /**
   * Ports from the defaults, then the environment, then the flags (part name to port).
   *
   * @param env the environment (usually {@code System::getenv})
   */
  public static PortPlan resolve(Function<String, String> env, Map<String, Integer> flags) {
    Map<StackPart, Integer> ports = new LinkedHashMap<>();
    for (StackPart part : StackPart.all()) {
      int port = part.defaultPort();
      String fromEnv = env.apply(part.portVariable());
      if (fromEnv != null && !fromEnv.isBlank()) {
        try {
          port = Integer.parseInt(fromEnv.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              part.portVariable() + "=\"" + fromEnv + "\" is not a port number; set a number");
        }
      }
      port = flags.getOrDefault(part.name(), port);
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "port "
                + port
                + " for "
                + part.label()
                + " is outside 1-65535; set "
                + part.portVariable());
      }
      ports.put(part, port);
    }
    return new PortPlan(ports);
  }

  /** The port of a part. */
  public int port(StackPart part) {
    return ports.get(part);
  }

  /** Replaces a part's port (PostgreSQL moving to the next free port). */
  public void set(StackPart part, int port) {
    ports.put(part, port);
  }

  /**
   * What stops the stack from starting, one message per problem: a port in use by another process,
   * or two parts given the same port. Empty when all is well.
   *
   * @param skipped parts that will not start (external database, user's cluster)
   */
  public List<String> problems(List<StackPart> skipped, IntPredicate inUse) {
    List<String> problems = new ArrayList<>();
    Map<Integer, StackPart> seen = new HashMap<>();
    for (var entry : ports.entrySet()) {
      StackPart part = entry.getKey();
      int port = entry.getValue();
      if (skipped.contains(part)) {
        continue;
      }
      StackPart other = seen.putIfAbsent(port, part);
      if (other != null) {
        problems.add(
            "port "
                + port
                + " is given to both "
                + other.label()
                + " and "
                + part.label()
                + "; set "
                + part.portVariable()
                + " to another port");
      } else if (inUse.test(port)) {
        problems.add(inUseMessage(part, port));
      }
    }
    return problems;
  }

  /** The message for a port taken by another process. */
  static String inUseMessage(StackPart part, int port) {
    return "port "
        + port
        + " ("
        + part.label()
        + ") is in use by another process; set "
        + part.portVariable()
        + " or stop it";
  }

  /** Whether something listens on 127.0.0.1:port or the port cannot be bound. */
  public static boolean inUse(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException notListening) {
      // nothing answers; now make sure it can be bound
    }
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true); // TIME_WAIT leftovers do not make a port busy
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** The first free port at or after {@code from}. */
  public static int nextFree(int from) {
    for (int port = from; port < Math.min(from + 100, 65536); port++) {
      if (!inUse(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + from + " and " + (from + 99));
  }
}
