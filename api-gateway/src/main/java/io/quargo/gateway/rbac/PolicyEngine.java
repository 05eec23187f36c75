package io.quargo.gateway.rbac;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Argo CD's RBAC decision over CSV policy, without I/O.
 *
 * <pre>
 * p, role:ci, applications, sync, default/guest*, allow   # subject, resource, action, object, effect
 * p, role:ci, applications, sync, default/guestbook-x, deny
 * g, alice, role:ci                                         # alice has role:ci
 * </pre>
 *
 * <p>Semantics as Argo CD's Casbin model: resource, action and object are globs ({@code *} also
 * crosses {@code /}); a subject matches its own lines and those of every role it has through {@code
 * g} lines, transitively; a request is allowed when some matching line allows and none denies. The
 * default role is tried first and allows on its own, then the subject, then each of its groups,
 * each on its own (so a deny for a user does not cancel an allow through a group, exactly as in
 * Argo CD).
 */
public final class PolicyEngine {

  /** One {@code p} line. */
  public record Rule(
      String subject, String resource, String action, String object, boolean allow) {}

  private final List<Rule> rules;
  private final Map<String, Set<String>> roles;
  private final String defaultRole;
  private final Map<Question, Boolean> answered = new ConcurrentHashMap<>();

  /** One {@link #enforce} question; an engine never changes, so its answer can be kept. */
  private record Question(
      String subject, Collection<String> groups, String resource, String action, String object) {}

  /** The object of a remembered {@link #allowsEveryObject} answer (no real object holds a NUL). */
  private static final String EVERY_OBJECT = "\u0000every";

  /** How many answers an engine keeps before it forgets them all. */
  static final int MAX_ANSWERS = 50_000;

  private PolicyEngine(List<Rule> rules, Map<String, Set<String>> roles, String defaultRole) {
    this.rules = rules;
    this.roles = roles;
    this.defaultRole = defaultRole == null ? "" : defaultRole.trim();
  }

  /** The built-in roles plus {@code csv}, with {@code defaultRole} (empty for none). */
  public static PolicyEngine of(String csv, String defaultRole) {
    return new PolicyEngine(List.of(), Map.of(), defaultRole)
        .with(BuiltinPolicy.CSV)
        .with(csv == null ? "" : csv);
  }

  /** This policy plus more lines, e.g. a project's role policies; this engine is unchanged. */
  public PolicyEngine with(String csv) {
    List<Rule> moreRules = new ArrayList<>(rules);
    Map<String, Set<String>> moreRoles = new HashMap<>();
    roles.forEach((k, v) -> moreRoles.put(k, new HashSet<>(v)));
    int lineNo = 0;
    for (String raw : csv.split("\n")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      for (int i = 0; i < f.length; i++) {
        f[i] = f[i].strip();
      }
      if (f[0].equals("p") && (f.length == 5 || f.length == 6)) {
        String effect = f.length == 6 ? f[5] : "allow";
        if (!effect.equals("allow") && !effect.equals("deny")) {
          throw new IllegalArgumentException(
              "policy line " + lineNo + " \"" + line + "\": effect must be allow or deny");
        }
        moreRules.add(new Rule(f[1], f[2], f[3], f[4], effect.equals("allow")));
      } else if (f[0].equals("g") && f.length == 3) {
        moreRoles.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[2]);
      } else {
        throw new IllegalArgumentException(
            "policy line "
                + lineNo
                + " \""
                + line
                + "\": expected \"p, subject, resource, action, object[, allow|deny]\""
                + " or \"g, subject, role\"");
      }
    }
    return new PolicyEngine(List.copyOf(moreRules), moreRoles, defaultRole);
  }

  /**
   * Whether {@code subject} (with {@code groups}) may do {@code action} on the object. Answers are
   * remembered (the engine is immutable), so listing many objects for the same callers stays cheap.
   */
  public boolean enforce(
      String subject, Collection<String> groups, String resource, String action, String object) {
    Question q = new Question(subject, List.copyOf(groups), resource, action, object);
    Boolean known = answered.get(q);
    if (known != null) {
      return known;
    }
    boolean answer = decideAll(subject, groups, resource, action, object);
    if (answered.size() >= MAX_ANSWERS) {
      answered.clear();
    }
    answered.put(q, answer);
    return answer;
  }

  private boolean decideAll(
      String subject, Collection<String> groups, String resource, String action, String object) {
    if (!defaultRole.isEmpty() && decide(defaultRole, resource, action, object)) {
      return true;
    }
    if (subject != null && !subject.isEmpty() && decide(subject, resource, action, object)) {
      return true;
    }
    for (String group : groups) {
      if (decide(group, resource, action, object)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code subject} (with {@code groups}) may do {@code action} on every object of {@code
   * resource} whose objects all hold a {@code /} (as applications' {@code <project>/<app>}): one of
   * them has an allow line for {@code *} or {@code *}{@code /*} and no deny line for that resource
   * and action at all. False when unsure; then ask {@link #enforce} object by object.
   */
  public boolean allowsEveryObject(
      String subject, Collection<String> groups, String resource, String action) {
    Question q = new Question(subject, List.copyOf(groups), resource, action, EVERY_OBJECT);
    Boolean known = answered.get(q);
    if (known != null) {
      return known;
    }
    boolean answer = decideEvery(subject, groups, resource, action);
    if (answered.size() >= MAX_ANSWERS) {
      answered.clear();
    }
    answered.put(q, answer);
    return answer;
  }

  private boolean decideEvery(
      String subject, Collection<String> groups, String resource, String action) {
    List<String> candidates = new ArrayList<>();
    if (!defaultRole.isEmpty()) {
      candidates.add(defaultRole);
    }
    if (subject != null && !subject.isEmpty()) {
      candidates.add(subject);
    }
    candidates.addAll(groups);
    for (String candidate : candidates) {
      Set<String> subjects = closure(candidate);
      boolean allowsAll = false;
      boolean deniesSome = false;
      for (Rule rule : rules) {
        if (subjects.contains(rule.subject())
            && Glob.matches(rule.resource(), resource)
            && Glob.matches(rule.action(), action)) {
          if (!rule.allow()) {
            deniesSome = true;
          } else if (rule.object().equals("*") || rule.object().equals("*/*")) {
            allowsAll = true;
          }
        }
      }
      if (allowsAll && !deniesSome) {
        return true;
      }
    }
    return false;
  }

  /** Casbin's effect for one subject: some allow and no deny among the matching lines. */
  boolean decide(String subject, String resource, String action, String object) {
    Set<String> subjects = closure(subject);
    boolean allowed = false;
    for (Rule rule : rules) {
      if (subjects.contains(rule.subject())
          && Glob.matches(rule.resource(), resource)
          && Glob.matches(rule.action(), action)
          && Glob.matches(rule.object(), object)) {
        if (!rule.allow()) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed;
  }

  /** The subject and every role it has, transitively. */
  Set<String> closure(String subject) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(subject);
    while (!todo.isEmpty()) {
      String s = todo.poll();
      if (seen.add(s)) {
        todo.addAll(roles.getOrDefault(s, Set.of()));
      }
    }
    return seen;
  }
}
