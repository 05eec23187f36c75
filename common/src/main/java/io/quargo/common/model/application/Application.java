package io.quargo.common.model.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Argo CD's Application ({@code argoproj.io/v1alpha1}): a source of manifests and a destination.
 */
@Group(Application.GROUP)
@Version(Application.VERSION)
@Kind("Application")
@Singular("application")
@Plural("applications")
@ShortNames({"app", "apps"})
@AdditionalPrinterColumn(
    name = "Sync Status",
    jsonPath = ".status.sync.status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Health Status",
    jsonPath = ".status.health.status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Revision",
    jsonPath = ".status.sync.revision",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 10)
@AdditionalPrinterColumn(
    name = "Project",
    jsonPath = ".spec.project",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 10)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Application extends CustomResource<ApplicationSpec, ApplicationStatus>
    implements Namespaced {

  public static final String GROUP = "argoproj.io";
  public static final String VERSION = "v1alpha1";

  /** A requested operation (Argo starts a sync by setting this); cleared when it starts. */
  @JsonProperty("operation")
  private Operation operation;

  public Operation getOperation() {
    return operation;
  }

  public void setOperation(Operation operation) {
    this.operation = operation;
  }
}
