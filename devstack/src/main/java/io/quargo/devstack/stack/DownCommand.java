package io.quargo.devstack.stack;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code down}: stops the running stack and everything it started, nothing else. */
@Command(name = "down", description = "Stop the running stack (every process it started).")
final class DownCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return new StackStopper(StackHome.fromEnvironment(), System.out).stop();
  }
}
