package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.quargo.reposerver.git.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a Helm chart in the repository with helm-java (real Helm, in-process) the way Argo CD
 * calls {@code helm template}: value files (inside the repository; a leading {@code /} means the
 * repository root), then {@code values} or {@code valuesObject}, then parameters; the release
 * defaults to the app's name; build-environment variables are substituted into value file paths and
 * parameter values, as Argo CD does. Hooks and test hooks come after the manifests, as {@code helm
 * template} prints them ({@link HelmHooks}).
 */
public final class HelmRenderer {

  /** Changes when the output for the same input could change; part of the render cache key. */
  public static final String VERSION = "helm-java-0.0.21/3";

  private static final Pattern DOCUMENT_SPLIT = Pattern.compile("(?m)^---\\s*$");
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (\\S.*)$");

  /**
   * Renders a chart unpacked from a Helm repository: value and file parameter paths are relative to
   * the chart (a leading {@code /} too), origins start with the chart's name, and the build
   * environment's revision is the chart version, as in Argo CD.
   */
  public RenderedManifests renderChart(Path chartDir, ManifestSource source, String version) {
    return render(
        new RenderContext(chartDir, chartDir, "", source, BuildEnvironment.of(source, version)));
  }

  /** Renders the chart in the app directory of {@code context}. */
  public RenderedManifests render(RenderContext context) {
    Path chartDir = context.appDir();
    String chartPath = context.repoRelative(chartDir);
    if (chartPath.isEmpty() && context.source().chart() != null) {
      chartPath = context.source().chart().trim();
    }
    if (!Files.isRegularFile(chartDir.resolve("Chart.yaml"))) {
      throw new RenderException(
          chartPath.isEmpty() ? "." : chartPath, "has no Chart.yaml; a Helm source needs a chart");
    }
    ManifestSource source = context.source();
    ManifestSource.Helm helm =
        source.helm() != null
            ? source.helm()
            : new ManifestSource.Helm(null, null, null, null, null, null, null, null);
    List<String> apiVersions = apiVersions(helm);
    Path scratch = scratchDir();
    try {
      Path chart =
          HelmChartCopy.prepare(
              chartDir, scratch, apiVersions, Boolean.TRUE.equals(helm.skipSchemaValidation()));
      TemplateCommand template = new Helm(chart).template().withName(releaseName(source, helm));
      String namespace = helm.namespace() != null ? helm.namespace() : source.namespace();
      if (namespace != null && !namespace.isBlank()) {
        template.withNamespace(namespace);
      }
      if (helm.kubeVersion() != null && !helm.kubeVersion().isBlank()) {
        template.withKubeVersion(helm.kubeVersion());
      }
      // helm-java leaves CRDs out; Argo CD asks for them (--include-crds) unless skipCrds
      template.skipCrds();
      String crds =
          Boolean.TRUE.equals(helm.skipCrds())
              ? ""
              : HelmHooks.reveal(HelmCrds.render(chart, chartPath));
      List<Path> files = valueFiles(context, helm);
      for (int i = 0; i < files.size(); i++) {
        template.withValuesFile(
            HelmHooks.valueFile(files.get(i), scratch, "values-" + i + ".yaml"));
      }
      String inline = inlineValues(helm);
      if (inline != null) {
        template.withValuesFile(write(scratch, "values.yaml", HelmHooks.disguise(inline)));
      }
      ObjectNode forced = JsonNodeFactory.instance.objectNode();
      if (helm.parameters() != null) {
        for (ManifestSource.Parameter p : helm.parameters()) {
          String value = context.env().substitute(p.value() == null ? "" : p.value());
          if (value.startsWith("{") && value.endsWith("}")) {
            // helm-java takes values literally; Helm's --set reads {a,b} as a list
            HelmKeys.put(forced, p.name(), HelmKeys.list(value, p.asString()));
          } else if (p.asString()) {
            HelmKeys.put(forced, p.name(), value);
          } else {
            template.set(HelmHooks.disguiseSetKey(p.name()), HelmHooks.disguise(value));
          }
        }
      }
      List<Path> fileParameters = fileParameters(context, helm);
      for (int i = 0; i < fileParameters.size(); i++) {
        template.setFile(
            HelmHooks.disguiseSetKey(helm.fileParameters().get(i).name()),
            HelmHooks.valueFile(fileParameters.get(i), scratch, "file-parameter-" + i));
      }
      if (!forced.isEmpty()) {
        template.withValuesFile(
            write(scratch, "force-string.yaml", HelmHooks.disguise(forced.toString())));
      }
      String out;
      try {
        out = template.call();
      } catch (RuntimeException e) {
        throw new RenderException(chartPath, "helm template failed: " + e.getMessage(), e);
      }
      return parse(crds, HelmHooks.reveal(out), chartPath, Boolean.TRUE.equals(helm.skipTests()));
    } finally {
      delete(scratch);
    }
  }

  /**
   * The files of {@code helm.fileParameters}, resolved as value files are (inside the repository, a
   * leading {@code /} for its root, build-environment variables substituted); each must exist.
   */
  private static List<Path> fileParameters(RenderContext context, ManifestSource.Helm helm) {
    List<Path> files = new ArrayList<>();
    if (helm.fileParameters() == null) {
      return files;
    }
    for (int i = 0; i < helm.fileParameters().size(); i++) {
      ManifestSource.FileParameter parameter = helm.fileParameters().get(i);
      String field = "helm.fileParameters[" + i + "]";
      if (parameter == null || parameter.name() == null || parameter.name().isBlank()) {
        throw new RenderException(field, "needs a name (the value's --set-file key)");
      }
      String raw = context.env().substitute(parameter.path() == null ? "" : parameter.path());
      if (raw.isBlank()) {
        throw new RenderException(field, "needs a path (a file in the repository)");
      }
      Path file = repoFile(context, field + ".path", raw);
      if (!Files.isRegularFile(file)) {
        throw new RenderException(
            raw, field + ".path does not exist in the repository at this revision");
      }
      files.add(file);
    }
    return files;
  }

  private static Path repoFile(RenderContext context, String field, String raw) {
    if (raw.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new UnsupportedSourceException(
          raw, "remote files in " + field + " are not supported yet");
    }
    return raw.startsWith("/")
        ? RepoPaths.resolve(
            context.repoRoot(), context.repoRoot(), field, raw.replaceFirst("^/+", ""))
        : RepoPaths.resolve(context.repoRoot(), context.appDir(), field, raw);
  }

  private static List<String> apiVersions(ManifestSource.Helm helm) {
    List<String> versions = new ArrayList<>();
    if (helm.apiVersions() != null) {
      for (int i = 0; i < helm.apiVersions().size(); i++) {
        String version = helm.apiVersions().get(i);
        if (version == null || !version.trim().matches("[A-Za-z0-9._/-]+")) {
          throw new RenderException(
              "helm.apiVersions[" + i + "]",
              "\"" + version + "\" is not an API version (group/version or group/version/Kind)");
        }
        versions.add(version.trim());
      }
    }
    return versions;
  }

  private static List<Path> valueFiles(RenderContext context, ManifestSource.Helm helm) {
    List<Path> files = new ArrayList<>();
    if (helm.valueFiles() == null) {
      return files;
    }
    for (int i = 0; i < helm.valueFiles().size(); i++) {
      String raw = context.env().substitute(helm.valueFiles().get(i));
      String field = "helm.valueFiles[" + i + "]";
      Path file = repoFile(context, field, raw);
      if (!Files.isRegularFile(file)) {
        if (Boolean.TRUE.equals(helm.ignoreMissingValueFiles())) {
          continue;
        }
        throw new RenderException(
            raw, field + " does not exist in the repository at this revision");
      }
      files.add(file);
    }
    return files;
  }

  /**
   * {@code valuesObject} (as JSON, which is YAML) when set, else {@code values} verbatim, so Helm
   * reads the user's text itself; null when neither is set.
   */
  private static String inlineValues(ManifestSource.Helm helm) {
    if (helm.valuesObject() != null && !helm.valuesObject().isNull()) {
      if (!helm.valuesObject().isObject()) {
        throw new RenderException("helm.valuesObject", "must be an object");
      }
      return helm.valuesObject().toString();
    }
    return helm.values() == null || helm.values().isBlank() ? null : helm.values();
  }

  /**
   * The CRDs, then Helm's manifests, then its hooks in the order Helm rendered them (both lists are
   * in Helm's kind order), leaving out the hooks {@code helm template} leaves out.
   */
  private static RenderedManifests parse(
      String crds, String out, String chartPath, boolean skipTests) {
    List<ObjectNode> objects = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    parse(
        crds,
        chartPath,
        (object, from) -> {
          objects.add(object);
          origins.add(from);
        });
    List<ObjectNode> hooks = new ArrayList<>();
    List<String> hookOrigins = new ArrayList<>();
    parse(
        out,
        chartPath,
        (object, from) -> {
          if (!HelmHooks.isHook(object)) {
            objects.add(object);
            origins.add(from);
          } else if (HelmHooks.printed(object, skipTests)) {
            hooks.add(object);
            hookOrigins.add(from);
          }
        });
    objects.addAll(hooks);
    origins.addAll(hookOrigins);
    return new RenderedManifests(SourceType.Helm, objects, origins);
  }

  private static void parse(String out, String chartPath, BiConsumer<ObjectNode, String> sink) {
    for (String chunk : DOCUMENT_SPLIT.split(out)) {
      if (chunk.isBlank()) {
        continue;
      }
      Matcher m = SOURCE.matcher(chunk);
      String template = m.find() ? m.group(1).trim() : "";
      // "# Source: <chart name>/templates/x.yaml" -> "<chart path>/templates/x.yaml"
      int slash = template.indexOf('/');
      String origin =
          slash < 0
              ? chartPath
              : (chartPath.isEmpty() ? "" : chartPath + "/") + template.substring(slash + 1);
      ManifestParser.parse(origin, chunk, sink);
    }
  }

  private static String releaseName(ManifestSource source, ManifestSource.Helm helm) {
    if (helm.releaseName() != null && !helm.releaseName().isBlank()) {
      return helm.releaseName();
    }
    return source.appName() != null && !source.appName().isBlank()
        ? source.appName()
        : "release-name";
  }

  private static Path write(Path dir, String name, String values) {
    try {
      return Files.writeString(dir.resolve(name), values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name, e);
    }
  }

  private static Path scratchDir() {
    try {
      return Files.createTempDirectory("quargo-helm-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for Helm values", e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }
}
