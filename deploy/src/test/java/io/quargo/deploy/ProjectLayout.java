package io.quargo.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Maven reactor as the manifests see it: modules, version, Dockerfiles, service settings. */
final class ProjectLayout {

  private final Path root;
  private final List<String> modules;
  private final String version;

  private ProjectLayout(Path root, List<String> modules, String version) {
    this.root = root;
    this.modules = modules;
    this.version = version;
  }

  /** The reactor that contains the working directory (the deploy module when Maven runs tests). */
  static ProjectLayout current() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy"))) {
        return at(dir);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no reactor root (a pom.xml next to deploy/) above " + Path.of("").toAbsolutePath());
  }

  static ProjectLayout at(Path root) {
    try {
      Document pom =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(root.resolve("pom.xml").toFile());
      Element project = pom.getDocumentElement();
      List<String> modules = new ArrayList<>();
      NodeList nodes = project.getElementsByTagName("module");
      for (int i = 0; i < nodes.getLength(); i++) {
        modules.add(nodes.item(i).getTextContent().trim());
      }
      return new ProjectLayout(root, List.copyOf(modules), childText(project, "version"));
    } catch (Exception e) {
      throw new IllegalStateException(root.resolve("pom.xml") + " cannot be read as a POM", e);
    }
  }

  private static String childText(Element parent, String tag) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().trim();
      }
    }
    throw new IllegalStateException("the root pom.xml has no <" + tag + ">");
  }

  Path root() {
    return root;
  }

  Path deploy() {
    return root.resolve("deploy");
  }

  List<String> modules() {
    return modules;
  }

  String version() {
    return version;
  }

  boolean hasDockerfile(String module) {
    return Files.isRegularFile(root.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
  }

  /** The module's application.properties, empty when it has none. */
  Properties applicationProperties(String module) {
    Properties props = new Properties();
    Path file = root.resolve(module).resolve("src/main/resources/application.properties");
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return props;
  }

  /** quarkus.http.port from the module's application.properties. */
  Optional<Integer> httpPort(String module) {
    return Optional.ofNullable(applicationProperties(module).getProperty("quarkus.http.port"))
        .map(String::trim)
        .map(Integer::valueOf);
  }

  /** Whether the module keeps state in PostgreSQL (it configures a datasource). */
  boolean usesDatabase(String module) {
    return applicationProperties(module).stringPropertyNames().stream()
        .anyMatch(k -> k.startsWith("quarkus.datasource."));
  }
}
