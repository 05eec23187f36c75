package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import io.quargo.common.yaml.ManifestCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One differential Helm case, {@code src/test/resources/helm/<name>/case.yaml}: release, namespace,
 * value files and {@code --set-file} files (relative to the case folder), {@code --set} parameters,
 * kubeVersion, apiVersions, skipTests, skipSchemaValidation, and {@code pack}: chart folders to
 * package into {@code .tgz} files before rendering (so resources stay text). Gives the same options
 * as Argo CD's {@code spec.source.helm} and as {@code helm template} flags.
 */
record HelmCase(
    String name,
    Path root,
    String release,
    String namespace,
    List<String> valueFiles,
    List<String> sets,
    List<String> setFiles,
    String kubeVersion,
    List<String> apiVersions,
    boolean skipTests,
    boolean skipSchemaValidation) {

  static final Path CASES = Path.of("src/test/resources/helm");

  /**
   * Reads case {@code name}, with its {@code pack} folders packaged in a copy under {@code tmp}.
   */
  static HelmCase read(String name, Path tmp) throws IOException {
    Path source = CASES.resolve(name).toRealPath();
    JsonNode spec = ManifestCodec.yamlMapper().readTree(source.resolve("case.yaml").toFile());
    List<String> pack = strings(spec.path("pack"));
    Path root = source;
    if (!pack.isEmpty()) {
      root = Files.createDirectories(tmp.resolve("case-" + name));
      copyTree(source, root);
      for (String folder : pack) {
        Path chart = root.resolve(folder);
        new Helm(chart).packageIt().withDestination(chart.getParent()).call();
        delete(chart);
      }
      root = root.toRealPath();
    }
    return new HelmCase(
        name,
        root,
        spec.path("release").asText(),
        spec.path("namespace").asText("default"),
        strings(spec.path("valueFiles")),
        strings(spec.path("set")),
        strings(spec.path("setFile")),
        spec.path("kubeVersion").asText(null),
        strings(spec.path("apiVersions")),
        spec.path("skipTests").asBoolean(false),
        spec.path("skipSchemaValidation").asBoolean(false));
  }

  /** The case names, sorted. */
  static Stream<String> names() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs
          .filter(d -> Files.isRegularFile(d.resolve("case.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The files the case names (value files, then {@code --set-file} files), case-relative. */
  List<String> files() {
    List<String> files = new ArrayList<>(valueFiles);
    setFiles.forEach(s -> files.add(s.substring(s.indexOf('=') + 1)));
    return files;
  }

  /** Argo CD's {@code spec.source.helm} for the case; {@code path} maps a case-relative file. */
  ManifestSource.Helm helm(UnaryOperator<String> path) {
    List<ManifestSource.Parameter> parameters = new ArrayList<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      parameters.add(
          new ManifestSource.Parameter(set.substring(0, eq), set.substring(eq + 1), null));
    }
    List<ManifestSource.FileParameter> fileParameters = new ArrayList<>();
    for (String set : setFiles) {
      int eq = set.indexOf('=');
      fileParameters.add(
          new ManifestSource.FileParameter(
              set.substring(0, eq), path.apply(set.substring(eq + 1))));
    }
    return new ManifestSource.Helm(
        valueFiles.stream().map(path).toList(),
        null,
        null,
        parameters,
        release,
        namespace,
        null,
        null,
        kubeVersion,
        fileParameters,
        apiVersions,
        skipTests,
        skipSchemaValidation);
  }

  /** {@code helm template} flags for the case (after release and chart). */
  List<String> flags() {
    List<String> flags = new ArrayList<>(List.of("--namespace", namespace, "--include-crds"));
    for (String file : valueFiles) {
      flags.addAll(List.of("-f", root.resolve(file).toString()));
    }
    for (String set : sets) {
      flags.addAll(List.of("--set", set));
    }
    for (String set : setFiles) {
      int eq = set.indexOf('=');
      flags.addAll(
          List.of("--set-file", set.substring(0, eq) + "=" + root.resolve(set.substring(eq + 1))));
    }
    if (kubeVersion != null) {
      flags.addAll(List.of("--kube-version", kubeVersion));
    }
    for (String api : apiVersions) {
      flags.addAll(List.of("--api-versions", api));
    }
    if (skipTests) {
      flags.add("--skip-tests");
    }
    if (skipSchemaValidation) {
      flags.add("--skip-schema-validation");
    }
    return flags;
  }

  static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
