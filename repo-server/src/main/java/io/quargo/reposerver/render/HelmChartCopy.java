package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.yaml.ManifestCodec;
import io.quargo.reposerver.render.helmrepo.ChartArchiveReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The chart as helm-java gets it. helm-java lacks some of {@code helm template}'s behaviour, so
 * when a render needs it the chart is copied into the render's scratch folder and changed there:
 * packed subcharts ({@code charts/*.tgz}) are unpacked (so their hooks and CRDs are seen), the hook
 * key is disguised ({@link HelmHooks}), templates see {@code helm.apiVersions} ({@link
 * HelmApiVersions}), and {@code values.schema.json} files are left out for {@code
 * skipSchemaValidation}. Without any of these the chart is used where it is.
 */
final class HelmChartCopy {

  private static final String SCHEMA = "values.schema.json";

  private HelmChartCopy() {}

  /**
   * The folder to render: {@code chartDir} itself, or a changed copy of it under {@code scratch}.
   */
  static Path prepare(
      Path chartDir, Path scratch, List<String> apiVersions, boolean skipSchemaValidation) {
    try {
      List<Path> files = files(chartDir);
      boolean needed = !apiVersions.isEmpty();
      for (int i = 0; i < files.size() && !needed; i++) {
        Path file = files.get(i);
        needed =
            isPackedSubchart(file)
                || (skipSchemaValidation && file.getFileName().toString().equals(SCHEMA))
                || latin(file).contains(HelmHooks.KEY);
      }
      if (!needed) {
        return chartDir;
      }
      Path copy = scratch.resolve("chart").resolve(chartDir.getFileName().toString());
      for (Path file : files) {
        Path target = copy.resolve(chartDir.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
      unpackSubcharts(copy);
      for (Path file : files(copy)) {
        String relative = copy.relativize(file).toString().replace('\\', '/');
        if (skipSchemaValidation && file.getFileName().toString().equals(SCHEMA)) {
          Files.delete(file);
          continue;
        }
        String text = latin(file);
        String changed = HelmHooks.disguise(text);
        if (!apiVersions.isEmpty() && isTemplate(relative)) {
          changed = HelmApiVersions.rewrite(changed, apiVersions, relative);
        }
        if (!changed.equals(text)) {
          Files.write(file, changed.getBytes(StandardCharsets.ISO_8859_1));
        }
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy chart " + chartDir + " for rendering", e);
    }
  }

  /**
   * Unpacks every {@code charts/*.tgz} of the chart, and of the subcharts found so, into {@code
   * charts/<its chart name>}, as Helm loads it.
   */
  private static void unpackSubcharts(Path chart) throws IOException {
    Path charts = chart.resolve("charts");
    if (!Files.isDirectory(charts)) {
      return;
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(charts)) {
      entries = list.sorted().toList();
    }
    for (Path entry : entries) {
      if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".tgz")) {
        Path unpacked = Files.createTempDirectory(charts, ".unpack-");
        try {
          ChartArchiveReader.unpack(Files.readAllBytes(entry), unpacked);
        } catch (IOException e) {
          throw new RenderException(
              chart.getFileName() + "/charts/" + entry.getFileName(),
              "is not a chart archive: " + e.getMessage());
        }
        Files.delete(entry);
        Path named = charts.resolve(chartName(unpacked, entry));
        if (Files.exists(named)) {
          throw new RenderException(
              chart.getFileName() + "/charts/" + entry.getFileName(),
              "holds chart " + named.getFileName() + ", which charts/ also holds unpacked");
        }
        Files.move(unpacked, named);
        unpackSubcharts(named);
      } else if (Files.isRegularFile(entry.resolve("Chart.yaml"))) {
        unpackSubcharts(entry);
      }
    }
  }

  private static String chartName(Path unpacked, Path archive) throws IOException {
    Path chartYaml = unpacked.resolve("Chart.yaml");
    if (!Files.isRegularFile(chartYaml)) {
      throw new RenderException(
          archive.getParent().getParent().getFileName() + "/charts/" + archive.getFileName(),
          "has no Chart.yaml in its top folder");
    }
    JsonNode chart = ManifestCodec.yamlMapper().readTree(chartYaml.toFile());
    String name = chart == null ? "" : chart.path("name").asText("");
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new RenderException(
          archive.getParent().getParent().getFileName() + "/charts/" + archive.getFileName(),
          "has no usable chart name in its Chart.yaml");
    }
    return name;
  }

  /** A {@code .tgz} right under a chart's {@code charts/} folder. */
  private static boolean isPackedSubchart(Path file) {
    Path parent = file.getParent();
    return file.getFileName().toString().endsWith(".tgz")
        && parent != null
        && parent.getFileName().toString().equals("charts")
        && parent.getParent() != null
        && Files.isRegularFile(parent.getParent().resolve("Chart.yaml"));
  }

  /** Whether a chart-relative path is a template (of the chart or of a subchart). */
  private static boolean isTemplate(String relative) {
    return relative.startsWith("templates/") || relative.contains("/templates/");
  }

  /** The regular files of the chart, following links as Helm's chart loader does. */
  private static List<Path> files(Path chartDir) throws IOException {
    try (Stream<Path> paths = Files.walk(chartDir, FileVisitOption.FOLLOW_LINKS)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The file's bytes one char each, so that replacing ASCII text keeps every other byte. */
  private static String latin(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }
}
