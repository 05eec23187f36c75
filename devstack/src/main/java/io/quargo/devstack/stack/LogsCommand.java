package io.quargo.devstack.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logs [part]}: lists the log files, or prints (and with -f follows) one part's log. */
@Command(name = "logs", description = "List the logs, or print a part's log (-f follows it).")
final class LogsCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", description = "the part, e.g. kafka, postgres, git, api-gateway")
  String part;

  @Option(
      names = {"-f", "--follow"},
      description = "keep printing what is appended")
  boolean follow;

  @Option(
      names = {"-n", "--lines"},
      description = "how many last lines to print (default ${DEFAULT-VALUE})")
  int lines = 200;

  @Override
  public Integer call() throws IOException, InterruptedException {
    StackHome home = StackHome.fromEnvironment();
    if (part == null) {
      return list(home);
    }
    Path log = home.log(part);
    if (!Files.exists(log)) {
      System.out.println("no log for \"" + part + "\" at " + log + "; ./quargo logs lists them");
      return 1;
    }
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
    if (follow) {
      follow(log, Files.size(log));
    }
    return 0;
  }

  private static int list(StackHome home) throws IOException {
    if (!Files.isDirectory(home.logs())) {
      System.out.println("no logs yet in " + home.logs() + "; start the stack with ./quargo up");
      return 0;
    }
    System.out.println("logs in " + home.logs() + " (./quargo logs <part> [-f]):");
    try (Stream<Path> files = Files.list(home.logs())) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().replaceFirst("\\.log$", "");
        System.out.printf("  %-22s %8d bytes%n", name, Files.size(f));
      }
    }
    return 0;
  }

  private static void follow(Path log, long from) throws IOException, InterruptedException {
    long position = from;
    while (true) {
      long size = Files.size(log);
      if (size < position) {
        position = 0; // the file was truncated or replaced
      }
      if (size > position) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
          file.seek(position);
          byte[] chunk = new byte[(int) (size - position)];
          file.readFully(chunk);
          System.out.print(new String(chunk, StandardCharsets.UTF_8));
          System.out.flush();
          position = size;
        }
      }
      TimeUnit.MILLISECONDS.sleep(300);
    }
  }
}
