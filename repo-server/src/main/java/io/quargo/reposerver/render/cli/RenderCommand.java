package io.quargo.reposerver.render.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.problem.ProblemException;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.reposerver.render.BuildEnvironment;
import io.quargo.reposerver.render.DirectoryRenderer;
import io.quargo.reposerver.render.HelmRenderer;
import io.quargo.reposerver.render.KustomizeRenderer;
import io.quargo.reposerver.render.ManifestSource;
import io.quargo.reposerver.render.RenderContext;
import io.quargo.reposerver.render.RenderedManifests;
import io.quargo.reposerver.render.SourceType;
import io.quargo.reposerver.render.SourceTypes;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quargo render DIR}: renders a local folder with repo-server's engines, chosen as Argo CD
 * chooses (Chart.yaml → Helm, a kustomization → Kustomize, else a directory of manifests), and
 * prints YAML; no Quarkus, no Git, no network. Exit 0 on success, 1 when rendering fails, 2 for bad
 * usage.
 */
@Command(
    name = "quargo render",
    mixinStandardHelpOptions = true,
    description =
        "Render a local app folder (Helm chart, kustomization or plain manifests) with Quargo's"
            + " engines and print the YAML, as repo-server would render it.")
public final class RenderCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "the app folder")
  Path dir;

  @Option(
      names = "--helm-set",
      paramLabel = "KEY=VALUE",
      description = "a Helm parameter, as helm --set (repeatable)")
  List<String> helmSets = new ArrayList<>();

  @Option(
      names = {"-f", "--values"},
      paramLabel = "FILE",
      description = "a Helm values file, applied in order after the chart's values (repeatable)")
  List<Path> valueFiles = new ArrayList<>();

  @Option(
      names = "--release",
      paramLabel = "NAME",
      description = "the Helm release (and app) name; default: the folder's name")
  String release;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "the destination namespace")
  String namespace;

  @Option(
      names = "--recurse",
      description = "read subfolders too, for a directory of manifests (directory.recurse)")
  boolean recurse;

  @Option(
      names = "--repo-root",
      paramLabel = "ROOT",
      description =
          "the folder files may not leave (kustomize bases, value files); default: the enclosing"
              + " Git work tree, else DIR")
  Path repoRoot;

  private PrintStream out = System.out;

  /** Runs the command with {@code args}, writing YAML to {@code out} and errors to {@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    RenderCommand command = new RenderCommand();
    command.out = out;
    return new CommandLine(command)
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              if (e instanceof UsageException) {
                cmd.getErr().println("quargo render: " + e.getMessage());
                cmd.getErr().println(cmd.getUsageMessage());
                return 2;
              }
              cmd.getErr().println("quargo render: " + message(e));
              return 1;
            })
        .execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + " is not a folder; give the folder of an app");
    }
    Path appDir = dir.toRealPath();
    Path root = repoRoot != null ? repoRoot.toRealPath() : gitWorkTree(appDir);
    if (!appDir.startsWith(root)) {
      throw new UsageException(dir + " is not inside --repo-root " + repoRoot);
    }
    String appPath = root.relativize(appDir).toString().replace('\\', '/');
    String appName = release != null ? release : appDir.getFileName().toString();
    SourceType type = SourceTypes.discover(appDir).orElse(SourceType.Directory);
    if (type != SourceType.Helm && (!helmSets.isEmpty() || !valueFiles.isEmpty())) {
      throw new UsageException(
          dir + " is a " + type + " app, not a Helm chart; --helm-set and --values are for charts");
    }
    ManifestSource source =
        new ManifestSource(
            "file://" + root,
            "local",
            appPath.isEmpty() ? "." : appPath,
            null,
            type == SourceType.Helm ? helm() : null,
            type == SourceType.Directory ? new ManifestSource.Directory(recurse, null, null) : null,
            appName,
            namespace);
    RenderContext context =
        new RenderContext(
            root, appDir, source.path(), source, BuildEnvironment.of(source, "local"));
    RenderedManifests rendered =
        switch (type) {
          case Helm -> new HelmRenderer().render(context);
          case Kustomize -> new KustomizeRenderer().render(context);
          case Directory -> new DirectoryRenderer().render(context);
        };
    out.print(ManifestCodec.write(rendered.manifests()));
    out.flush();
    return 0;
  }

  private ManifestSource.Helm helm() throws IOException {
    List<ManifestSource.Parameter> parameters = new ArrayList<>();
    for (String set : helmSets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--helm-set \"" + set + "\" is not KEY=VALUE");
      }
      parameters.add(
          new ManifestSource.Parameter(set.substring(0, eq), set.substring(eq + 1), null));
    }
    ObjectNode values = null;
    for (Path file : valueFiles) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("--values " + file + " is not a file");
      }
      JsonNode read = ManifestCodec.yamlMapper().readTree(Files.readString(file));
      if (read != null && !read.isNull() && !read.isMissingNode()) {
        if (!read.isObject()) {
          throw new UsageException("--values " + file + " is not a YAML mapping");
        }
        values = values == null ? (ObjectNode) read : HelmValues.merge(values, (ObjectNode) read);
      }
    }
    return new ManifestSource.Helm(null, null, values, parameters, release, namespace, null, null);
  }

  /** The closest enclosing folder with a {@code .git}, else {@code dir} itself. */
  static Path gitWorkTree(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return dir;
  }

  private static String message(Exception e) {
    if (e instanceof ProblemException p && p.problem().detail() != null) {
      return p.problem().detail();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Bad usage: exit code 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
