package io.quargo.devstack.stack;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code status}: each part's process, port and readiness; works from any terminal. */
@Command(name = "status", description = "Show each part: running or stopped, pid, port, ready.")
final class StatusCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    StackHome home = StackHome.fromEnvironment();
    var state = StackState.read(home.stateFile());
    if (state.isEmpty()) {
      System.out.println("Quargo stack: not running (start it with ./quargo up)");
      return 3;
    }
    new StatusTable(System.out).printStatus(state.get());
    return state.get().supervisorAlive() ? 0 : 3;
  }
}
