package io.quargo.reposerver.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CRDs of a chart and of its unpacked subcharts ({@code crds/} folders), written as {@code helm
 * template --include-crds} writes them: first, each as a document with its {@code # Source} line.
 */
final class HelmCrds {

  private HelmCrds() {}

  static String render(Path chartDir, String chartPath) {
    StringBuilder out = new StringBuilder();
    for (Path chart : charts(chartDir)) {
      Path crds = chart.resolve("crds");
      if (!Files.isDirectory(crds)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(crds)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String source =
              chartDir.getFileName()
                  + "/"
                  + chartDir.relativize(file).toString().replace('\\', '/');
          out.append("---\n# Source: ")
              .append(source)
              .append('\n')
              .append(Files.readString(file, StandardCharsets.UTF_8))
              .append('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the CRDs of chart " + chartPath, e);
      }
    }
    return out.toString();
  }

  /** The chart and, depth first, the unpacked subcharts under {@code charts/}. */
  private static List<Path> charts(Path chartDir) {
    List<Path> charts = new ArrayList<>();
    charts.add(chartDir);
    Path sub = chartDir.resolve("charts");
    if (Files.isDirectory(sub)) {
      try (Stream<Path> dirs = Files.list(sub)) {
        for (Path dir :
            dirs.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml"))).sorted().toList()) {
          charts.addAll(charts(dir));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the subcharts in " + sub, e);
      }
    }
    return charts;
  }
}
