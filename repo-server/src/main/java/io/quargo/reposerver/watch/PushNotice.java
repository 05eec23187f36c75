package io.quargo.reposerver.watch;

import java.util.List;

/**
 * A Git provider's push notification, read from a webhook: the provider, every URL the payload
 * gives for the repository (web, HTTPS clone, SSH), the ref and the commits before and after
 * (either may be null when the provider leaves it out).
 */
public record PushNotice(
    String provider, List<String> repoUrls, String ref, String before, String after) {}
