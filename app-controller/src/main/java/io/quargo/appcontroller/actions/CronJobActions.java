package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.common.json.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CronJob's {@code create-job}: a Job from its {@code jobTemplate}, as {@code kubectl create job
 * --from=cronjob/<name>} and Argo's action make it: annotated {@code
 * cronjob.kubernetes.io/instantiate: manual}, owned (controller) by the CronJob. Argo names it
 * {@code <cronjob>-<yyMMddHHmm>}, which collides when run twice in a minute; Quargo adds five
 * random characters instead, as kubectl does.
 */
final class CronJobActions implements KindActions {

  static final String CREATE_JOB = "create-job";
  static final String INSTANTIATE = "cronjob.kubernetes.io/instantiate";

  private static final String SUFFIX_CHARS = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public List<ResourceAction> available(ObjectNode live) {
    return List.of(ResourceAction.enabled(CREATE_JOB, "fa fa-fw fa-play"));
  }

  @Override
  public Optional<ActionChange> run(
      String action, ObjectNode live, Instant now, Map<String, String> params) {
    return CREATE_JOB.equals(action) ? Optional.of(createJob(live)) : Optional.empty();
  }

  private static ActionChange createJob(ObjectNode cronJob) {
    JsonNode template = cronJob.path("spec").path("jobTemplate");
    JsonNode cronMeta = cronJob.path("metadata");
    ObjectNode job = Json.mapper().createObjectNode();
    job.put("apiVersion", "batch/v1").put("kind", "Job");
    ObjectNode meta =
        template.path("metadata") instanceof ObjectNode m
            ? m.deepCopy()
            : Json.mapper().createObjectNode();
    job.set("metadata", meta);
    meta.put("name", cronMeta.path("name").asText() + "-" + suffix());
    meta.put("namespace", cronMeta.path("namespace").asText());
    meta.withObjectProperty("annotations").put(INSTANTIATE, "manual");
    meta.putArray("ownerReferences")
        .addObject()
        .put("apiVersion", cronJob.path("apiVersion").asText("batch/v1"))
        .put("kind", "CronJob")
        .put("name", cronMeta.path("name").asText())
        .put("uid", cronMeta.path("uid").asText())
        .put("blockOwnerDeletion", true)
        .put("controller", true);
    job.set("spec", template.path("spec").deepCopy());
    return new ActionChange.Create(job);
  }

  private static String suffix() {
    StringBuilder suffix = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      suffix.append(SUFFIX_CHARS.charAt(RANDOM.nextInt(SUFFIX_CHARS.length())));
    }
    return suffix.toString();
  }
}
