package io.quargo.reposerver.render.helmrepo;

import io.quargo.reposerver.RepoServerException;
import java.util.List;
import java.util.Map;

/**
 * A chart from a Helm repository cannot be had: the chart or version is not in the index (404), the
 * repository refuses us (401, 403), cannot be reached (502), or is not a Helm repository (422).
 * Messages name the repository URL, never credentials.
 */
public final class HelmRepoException extends RepoServerException {

  private HelmRepoException(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    super(status, type, title, detail, extensions);
  }

  static HelmRepoException chartNotFound(String repoURL, String chart, List<String> available) {
    return new HelmRepoException(
        404,
        "helm-chart-not-found",
        "Helm chart not found",
        "chart \""
            + chart
            + "\" is not in the index of Helm repository "
            + repoURL
            + (available.isEmpty()
                ? " (the index lists no charts)"
                : "; charts there include " + String.join(", ", available)),
        Map.of("repoURL", repoURL, "chart", chart, "field", "chart"));
  }

  static HelmRepoException noVersion(
      String repoURL, String chart, String targetRevision, List<String> nearest) {
    return new HelmRepoException(
        404,
        "helm-chart-version-not-found",
        "No chart version matches",
        "no version of chart \""
            + chart
            + "\" in "
            + repoURL
            + " matches targetRevision \""
            + targetRevision
            + "\""
            + (nearest.isEmpty() ? "" : "; nearest available: " + String.join(", ", nearest)),
        Map.of(
            "repoURL",
            repoURL,
            "chart",
            chart,
            "field",
            "targetRevision",
            "availableVersions",
            nearest));
  }

  static HelmRepoException unauthorized(String repoURL, int status) {
    return new HelmRepoException(
        status == 403 ? 403 : 401,
        status == 403 ? "helm-repo-access-denied" : "helm-repo-authentication-failed",
        status == 403 ? "Helm repository access denied" : "Helm repository authentication failed",
        "the Helm repository "
            + repoURL
            + " answered HTTP "
            + status
            + "; configure a username and password for this repository URL"
            + " (quargo.repo-server.credentials)",
        Map.of("repoURL", repoURL));
  }

  static HelmRepoException unreachable(String repoURL, String what) {
    return new HelmRepoException(
        502,
        "helm-repo-unavailable",
        "Helm repository unavailable",
        "cannot read Helm repository " + repoURL + ": " + what + "; check the repoURL",
        Map.of("repoURL", repoURL));
  }

  static HelmRepoException badIndex(String repoURL, String what) {
    return new HelmRepoException(
        422,
        "helm-repo-index-invalid",
        "Not a Helm repository index",
        "the index.yaml of "
            + repoURL
            + " cannot be read as a Helm repository index: "
            + what
            + "; check that repoURL is a Helm repository",
        Map.of("repoURL", repoURL, "field", "repoURL"));
  }

  static HelmRepoException badArchive(String repoURL, String chart, String version, String what) {
    return new HelmRepoException(
        422,
        "helm-chart-archive-invalid",
        "Chart archive unusable",
        "the archive of chart \""
            + chart
            + "\" version "
            + version
            + " from "
            + repoURL
            + " "
            + what,
        Map.of("repoURL", repoURL, "chart", chart));
  }

  static HelmRepoException unsupported(String repoURL, String what) {
    return new HelmRepoException(
        501,
        "unsupported-source",
        "Source type not available",
        what + " (repoURL \"" + repoURL + "\")",
        Map.of("repoURL", repoURL, "field", "repoURL"));
  }
}
