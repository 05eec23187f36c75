package io.quargo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks CRD files against the model's CustomResource classes (group, versions, kind, plural,
 * scope).
 */
final class CrdRules {

  /** What the model says about one kind: one entry per group and kind, all its versions. */
  record ModelKind(String group, String kind, String plural, String scope, Set<String> versions) {}

  private final Map<String, ModelKind> model;
  private final Path crdDir;

  CrdRules(List<? extends Class<? extends HasMetadata>> modelClasses, Path crdDir) {
    this.model = fromClasses(modelClasses);
    this.crdDir = crdDir;
  }

  static Map<String, ModelKind> fromClasses(List<? extends Class<? extends HasMetadata>> classes) {
    Map<String, ModelKind> kinds = new LinkedHashMap<>();
    for (Class<? extends HasMetadata> type : classes) {
      String group = HasMetadata.getGroup(type);
      String kind = HasMetadata.getKind(type);
      String scope = Namespaced.class.isAssignableFrom(type) ? "Namespaced" : "Cluster";
      ModelKind known =
          kinds.computeIfAbsent(
              key(group, kind),
              k -> new ModelKind(group, kind, HasMetadata.getPlural(type), scope, new TreeSet<>()));
      known.versions().add(HasMetadata.getVersion(type));
    }
    return kinds;
  }

  /** Every problem: model kinds without a CRD, CRDs without a model kind, and field mismatches. */
  List<String> check() {
    List<String> problems = new ArrayList<>();
    Map<String, Manifest> crds = new LinkedHashMap<>();
    for (Manifest doc : Manifest.readTree(crdDir)) {
      if (!doc.kind().equals("CustomResourceDefinition")) {
        problems.add(doc.describe() + " is not a CustomResourceDefinition; keep only CRDs here");
        continue;
      }
      JsonNode spec = doc.node().path("spec");
      crds.put(key(spec.path("group").asText(), spec.path("names").path("kind").asText()), doc);
    }
    for (Map.Entry<String, ModelKind> e : model.entrySet()) {
      Manifest crd = crds.remove(e.getKey());
      if (crd == null) {
        ModelKind m = e.getValue();
        problems.add(
            "no CRD for "
                + m.kind()
                + " ("
                + m.group()
                + ") in "
                + crdDir
                + "; regenerate the CRDs from the model (./mvnw install -pl common)");
      } else {
        problems.addAll(compare(e.getValue(), crd));
      }
    }
    for (Manifest orphan : crds.values()) {
      problems.add(
          orphan.describe()
              + " has no CustomResource class in the model; delete it or add the class");
    }
    return problems;
  }

  private static List<String> compare(ModelKind m, Manifest crd) {
    List<String> problems = new ArrayList<>();
    JsonNode spec = crd.node().path("spec");
    String where = crd.file() + " (" + m.kind() + ")";
    expect(
        problems,
        where,
        "spec.names.plural",
        m.plural(),
        spec.path("names").path("plural").asText());
    expect(problems, where, "spec.scope", m.scope(), spec.path("scope").asText());
    Set<String> versions = new TreeSet<>();
    spec.path("versions").forEach(v -> versions.add(v.path("name").asText()));
    expect(problems, where, "spec.versions[].name", m.versions().toString(), versions.toString());
    String name = m.plural() + "." + m.group();
    expect(problems, where, "metadata.name", name, crd.name());
    return problems;
  }

  private static void expect(
      List<String> problems, String where, String field, String model, String actual) {
    if (!model.equals(actual)) {
      problems.add(
          where
              + ": "
              + field
              + " is "
              + actual
              + " but the model says "
              + model
              + "; regenerate the CRD from the model");
    }
  }

  private static String key(String group, String kind) {
    return group + "/" + kind;
  }
}
