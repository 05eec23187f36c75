package io.quargo.deploy;

import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the concrete fabric8 CustomResource classes in a package and its sub-packages. */
final class ModelClasses {

  private ModelClasses() {}

  /** Concrete CustomResource subclasses under {@code packageName}, sorted by name. */
  static List<Class<? extends CustomResource<?, ?>>> find(String packageName) {
    ClassLoader loader = ModelClasses.class.getClassLoader();
    String path = packageName.replace('.', '/');
    TreeSet<String> names = new TreeSet<>();
    try {
      for (URL url : Collections.list(loader.getResources(path))) {
        names.addAll(classNamesIn(url, path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan package " + packageName, e);
    }
    List<Class<? extends CustomResource<?, ?>>> found = new ArrayList<>();
    for (String name : names) {
      asCustomResource(load(name, loader)).ifPresent(found::add);
    }
    return found;
  }

  /** The class names under a package directory, from a directory or a jar URL. */
  static List<String> classNamesIn(URL url, String packagePath) throws IOException {
    List<String> names = new ArrayList<>();
    if (url.getProtocol().equals("jar")) {
      // Opened on its own: closing the URL connection's cached JarFile would close the class
      // loader's.
      URL jarFile = ((JarURLConnection) url.openConnection()).getJarFileURL();
      try (JarFile jar = new JarFile(toPath(jarFile).toFile())) {
        jar.stream()
            .map(e -> e.getName())
            .filter(n -> n.startsWith(packagePath + "/") && n.endsWith(".class"))
            .forEach(n -> names.add(toClassName(n)));
      }
    } else if (url.getProtocol().equals("file")) {
      Path dir = toPath(url);
      Path base = dir;
      for (int i = 0; i < packagePath.split("/").length; i++) {
        base = base.getParent();
      }
      Path classRoot = base;
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(f -> f.toString().endsWith(".class"))
            .forEach(f -> names.add(toClassName(classRoot.relativize(f).toString())));
      }
    }
    return names;
  }

  private static Path toPath(URL url) throws IOException {
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException("bad class path URL " + url, e);
    }
  }

  private static String toClassName(String resource) {
    return resource.replace('\\', '/').replace(".class", "").replace('/', '.');
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("model class " + name + " cannot be loaded", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static java.util.Optional<Class<? extends CustomResource<?, ?>>> asCustomResource(
      Class<?> type) {
    boolean concrete = !Modifier.isAbstract(type.getModifiers()) && !type.isInterface();
    if (concrete && CustomResource.class.isAssignableFrom(type)) {
      return java.util.Optional.of((Class<? extends CustomResource<?, ?>>) type);
    }
    return java.util.Optional.empty();
  }
}
