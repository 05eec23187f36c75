package io.quargo.common.events;

import java.time.Instant;

/**
 * image-updater found a new tag or digest for an image of an Application and wrote it back, on
 * {@link Topics#IMAGE_UPDATES}; keyed by the Application.
 *
 * @param namespace the Application's namespace
 * @param name the Application's name
 * @param alias the image's alias in Argo Image Updater's image list
 * @param image the image name without tag, e.g. {@code ghcr.io/acme/api}
 * @param oldTag the tag before, null when unknown
 * @param newTag the tag now
 * @param digest the new image's digest ({@code sha256:...}), null when unknown
 * @param writeBackMethod {@code argocd} (the Application's parameters) or {@code git}
 * @param commitSha the write-back commit for {@code git}, else null
 */
public record ImageUpdated(
    String namespace,
    String name,
    String alias,
    String image,
    String oldTag,
    String newTag,
    String digest,
    String writeBackMethod,
    String commitSha,
    Instant at)
    implements QuargoEvent {

  public static final String TYPE = "io.quargo.image.updated.v1";

  @Override
  public String ceType() {
    return TYPE;
  }

  @Override
  public String key() {
    return QuargoEvent.key(namespace, name);
  }
}
