package io.quargo.reposerver.render.kustomize;

import java.util.Set;

/**
 * {@code namePrefix} and {@code nameSuffix}: renames objects (not CRDs, APIServices or Namespaces),
 * remembering the old id and the affix so name references can be fixed at the end of the build.
 */
final class NameAffixTransformer {

  private static final Set<String> SKIPPED =
      Set.of("CustomResourceDefinition", "APIService", "Namespace");

  private NameAffixTransformer() {}

  static void prefix(ResourceMap resources, String prefix) {
    if (prefix.isEmpty()) {
      return;
    }
    for (KResource resource : resources) {
      if (skipped(resource)) {
        continue;
      }
      resource.prefixes.add(prefix);
      resource.storePreviousId();
      resource.setName(prefix + resource.name());
    }
  }

  static void suffix(ResourceMap resources, String suffix) {
    if (suffix.isEmpty()) {
      return;
    }
    for (KResource resource : resources) {
      if (skipped(resource)) {
        continue;
      }
      resource.suffixes.add(suffix);
      resource.storePreviousId();
      resource.setName(resource.name() + suffix);
    }
  }

  private static boolean skipped(KResource resource) {
    Gvk gvk = resource.orgId().gvk();
    return SKIPPED.contains(gvk.kind())
        && (!gvk.kind().equals("APIService") || gvk.group().equals("apiregistration.k8s.io"));
  }
}
