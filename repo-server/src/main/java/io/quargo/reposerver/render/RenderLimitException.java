package io.quargo.reposerver.render;

import io.quargo.reposerver.RepoServerException;
import java.util.Map;

/**
 * A render passed one of the {@link RenderLimits}: 422 {@code render-limit-exceeded}, with the
 * limit's config key ({@code limit}), its value ({@code max}) and the app path ({@code path}).
 */
public class RenderLimitException extends RepoServerException {

  private final String limit;

  public RenderLimitException(String limit, String appPath, Object max, String what) {
    super(
        422,
        "render-limit-exceeded",
        "Render limit exceeded",
        "path \"" + appPath + "\" " + what,
        Map.of("limit", limit, "path", appPath, "max", max));
    this.limit = limit;
  }

  /** The config key of the limit that was passed. */
  public String limit() {
    return limit;
  }
}
