/**
 * Declarative setup: Application and AppProject custom resources ({@code argoproj.io/v1alpha1}) in
 * the app namespace of the in-cluster destination ({@code quargo.controller.app-namespace}, default
 * {@code argocd}) are imported into storage and kept in step by informers, and each imported app's
 * status is written back to its resource, so {@code kubectl get applications} shows sync and
 * health. This is also what makes app-of-apps work: a parent app that syncs Application manifests
 * into that namespace creates its children.
 *
 * <p>Ownership: an app created through the API stays the API's (a resource of the same name is
 * ignored, with a warning); an imported app carries the {@value
 * io.quargo.appcontroller.declarative.Ownership#ANNOTATION} annotation and is deleted with its
 * resource, with its live objects when the resource had Argo CD's {@code
 * resources-finalizer.argocd.argoproj.io} finalizer.
 */
package io.quargo.appcontroller.declarative;
