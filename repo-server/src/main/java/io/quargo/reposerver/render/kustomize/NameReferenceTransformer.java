package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Fixes references after renames (prefix, suffix, hash), as kustomize's nameReference transformer
 * does: a referring field is set to the new name of the one object that used to have that name, has
 * the referred kind, lives in the referrer's namespace and shares its prefixes and suffixes.
 */
final class NameReferenceTransformer {

  private NameReferenceTransformer() {}

  static void apply(ResourceMap resources) {
    for (NameReferenceTable.Entry entry : NameReferenceTable.ENTRIES) {
      for (KResource referrer : resources) {
        for (FieldSpec spec : entry.referrers()) {
          if (!spec.selects(referrer.gvk())) {
            continue;
          }
          spec.visit(
              referrer.object,
              (parent, field) -> fix(parent, field, referrer, entry, spec, resources));
        }
      }
    }
  }

  private static void fix(
      ObjectNode parent,
      String field,
      KResource referrer,
      NameReferenceTable.Entry entry,
      FieldSpec spec,
      ResourceMap resources) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isTextual()) {
      KResource referral = select(value.asText(), resources.list(), referrer, entry, spec);
      if (referral != null) {
        parent.put(field, referral.name());
      }
    } else if (value instanceof ObjectNode map) {
      fixMapping(map, referrer, entry, spec, resources);
    } else if (value instanceof ArrayNode list) {
      for (int i = 0; i < list.size(); i++) {
        JsonNode element = list.get(i);
        if (element.isTextual()) {
          KResource referral = select(element.asText(), resources.list(), referrer, entry, spec);
          if (referral != null) {
            list.set(i, new TextNode(referral.name()));
          }
        } else if (element instanceof ObjectNode map) {
          fixMapping(map, referrer, entry, spec, resources);
        }
      }
    }
  }

  private static void fixMapping(
      ObjectNode map,
      KResource referrer,
      NameReferenceTable.Entry entry,
      FieldSpec spec,
      ResourceMap resources) {
    JsonNode name = map.get("name");
    if (name == null || !name.isTextual()) {
      return;
    }
    List<KResource> candidates = resources.list();
    if (map.hasNonNull("namespace")) {
      String namespace = map.get("namespace").asText();
      List<KResource> byOriginal = sieve(candidates, r -> r.orgId().namespace().equals(namespace));
      candidates =
          byOriginal.isEmpty()
              ? sieve(candidates, r -> r.namespace().equals(namespace))
              : byOriginal;
    }
    KResource referral = select(name.asText(), candidates, referrer, entry, spec);
    if (referral == null) {
      return;
    }
    if (referral.name().equals(name.asText()) && referral.namespace().isEmpty()) {
      return;
    }
    map.put("name", referral.name());
    if (!referral.namespace().isEmpty()) {
      map.put("namespace", referral.namespace());
    }
  }

  private static KResource select(
      String oldName,
      List<KResource> all,
      KResource referrer,
      NameReferenceTable.Entry entry,
      FieldSpec spec) {
    Gvk target = entry.referral();
    List<KResource> candidates =
        sieve(all, r -> r.previousIds.stream().anyMatch(id -> id.name().equals(oldName)));
    candidates =
        sieve(
            candidates,
            r ->
                r.previousIds.stream()
                    .anyMatch(
                        id ->
                            id.gvk().selectedBy(target.group(), target.version(), target.kind())));
    if (spec.path().endsWith("roleRef/name")) {
      JsonNode roleRef = referrer.object.path("roleRef");
      if (roleRef.hasNonNull("apiGroup") && roleRef.hasNonNull("kind")) {
        String group = roleRef.get("apiGroup").asText();
        String kind = roleRef.get("kind").asText();
        candidates =
            sieve(
                candidates,
                r -> r.previousIds.stream().anyMatch(id -> id.gvk().selectedBy(group, "", kind)));
      }
    }
    ResId referrerId = referrer.curId();
    if (!referrerId.gvk().clusterScoped()) {
      candidates =
          sieve(
              candidates,
              r ->
                  r.gvk().clusterScoped()
                      || r.gvk().kind().equals("ServiceAccount")
                      || r.curId().effectiveNamespace().equals(referrerId.effectiveNamespace()));
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    candidates = sieve(candidates, r -> affixesMatch(r, referrer, true));
    if (candidates.size() > 1) {
      candidates = sieve(candidates, r -> affixesMatch(r, referrer, false));
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    if (candidates.isEmpty()) {
      return null;
    }
    String name = candidates.get(0).name();
    String namespace = candidates.get(0).namespace();
    for (KResource c : candidates) {
      if (!c.name().equals(name) || !c.namespace().equals(namespace)) {
        throw new KustomizeException(
            referrer.origin,
            "found multiple possible referrals for \""
                + oldName
                + "\" in "
                + referrer.curId()
                + ": "
                + candidates);
      }
    }
    return candidates.get(0);
  }

  private static boolean affixesMatch(KResource a, KResource b, boolean allowEmpty) {
    if (allowEmpty) {
      boolean prefixes =
          a.prefixes.isEmpty() || b.prefixes.isEmpty() || sameEnding(a.prefixes, b.prefixes);
      boolean suffixes =
          a.suffixes.isEmpty() || b.suffixes.isEmpty() || sameEnding(a.suffixes, b.suffixes);
      return prefixes && suffixes;
    }
    return sameEnding(a.prefixes, b.prefixes) && sameEnding(a.suffixes, b.suffixes);
  }

  private static boolean sameEnding(List<String> a, List<String> b) {
    List<String> shortest = a.size() <= b.size() ? a : b;
    List<String> longest = a.size() <= b.size() ? b : a;
    int diff = longest.size() - shortest.size();
    if (shortest.isEmpty()) {
      return diff == 0;
    }
    for (int i = shortest.size() - 1; i >= 0; i--) {
      if (!longest.get(i + diff).equals(shortest.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<KResource> sieve(List<KResource> list, Predicate<KResource> keep) {
    List<KResource> kept = new ArrayList<>();
    for (KResource r : list) {
      if (keep.test(r)) {
        kept.add(r);
      }
    }
    return kept;
  }
}
