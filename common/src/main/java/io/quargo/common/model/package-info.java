/**
 * The Argo resource model: {@code argoproj.io/v1alpha1} kinds as fabric8 {@code CustomResource}
 * classes, plus Argo's status vocabulary as enums ({@link io.quargo.common.model.SyncStatusCode},
 * {@link io.quargo.common.model.HealthStatusCode}, {@link io.quargo.common.model.OperationPhase},
 * {@link io.quargo.common.model.RolloutPhase}, {@link io.quargo.common.model.NodePhase}, {@link
 * io.quargo.common.model.WorkflowPhase}).
 *
 * <h2>The pattern every kind follows</h2>
 *
 * Users bring the YAML they already have for Argo, so a read and a write must give back what they
 * wrote, including fields Quargo does not model (yet). For a kind {@code Foo}:
 *
 * <ol>
 *   <li>A subpackage {@code io.quargo.common.model.foo} with {@code Foo}, {@code FooSpec}, {@code
 *       FooStatus} and one class per nested object, named as in Argo's {@code types.go} ({@code
 *       ApplicationSource}, {@code SyncPolicy}...).
 *   <li>{@code Foo extends CustomResource<FooSpec, FooStatus> implements Namespaced}, annotated
 *       {@code @Group("argoproj.io") @Version("v1alpha1") @Kind @Singular @Plural @ShortNames} with
 *       Argo's names (e.g. {@code rollouts}/{@code ro}, {@code workflows}/{@code wf}), and
 *       {@code @AdditionalPrinterColumn}s as Argo's CRD has. Top-level siblings of {@code spec}
 *       that Argo has (Application's {@code operation}) are fields of {@code Foo}.
 *   <li>Every spec, status and nested class extends {@link io.quargo.common.model.Extensible}: what
 *       it does not model lands in {@code unknownFields()} and is written back in place. The CRD
 *       generator ({@code implicitPreserveUnknownFields}) then marks that object {@code
 *       x-kubernetes-preserve-unknown-fields: true}, so an API server does not prune those fields.
 *   <li>Fields: private, {@code @JsonProperty("argoName")}, with a getter and a setter; wrapper
 *       types ({@code Boolean}, {@code Long} for Argo's {@code int64}) so an absent field stays
 *       absent; timestamps as {@code String} (written back exactly as read); {@code IntOrString}
 *       where Argo has one; free-form objects (Helm {@code valuesObject}) as {@code Map<String,
 *       Object>} with {@code @SchemaFrom(type = AnyObject.class)}. Do not initialise collections:
 *       an empty list the user did not write would be written back.
 *   <li>Values Argo defines as open strings ({@code status.sync.status}, phases) stay {@code
 *       String} in the model so an unknown value from a newer Argo still reads; compare with the
 *       enums.
 *   <li>A round-trip test with Argo's documented YAML plus an unknown field, like {@code
 *       ArgoRoundTripTest}: read with {@link io.quargo.common.yaml.ManifestCodec}, write, and
 *       assert the re-read tree equals the input tree.
 * </ol>
 *
 * <pre>{@code
 * Application app = ManifestCodec.read(yaml, Application.class);
 * app.getSpec().getSource().getRepoURL();
 * app.getSpec().unknownFields();            // e.g. sourceHydrator, kept for the write
 * String back = ManifestCodec.write(app);   // same tree as yaml
 * }</pre>
 *
 * <p>The CRDs are generated at build time ({@code process-classes}) by fabric8's
 * crd-generator-maven-plugin into {@code deploy/kubernetes/base/crds} and committed; a rebuild
 * writes identical files. Unlike Argo's own Application CRD, ours enables the {@code status}
 * subresource: controllers write status through {@code /status}.
 */
package io.quargo.common.model;
