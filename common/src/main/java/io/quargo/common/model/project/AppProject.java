package io.quargo.common.model.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.quargo.common.model.application.Application;

/**
 * Argo CD's AppProject ({@code argoproj.io/v1alpha1}): which sources, destinations and kinds its
 * Applications may use.
 */
@Group(Application.GROUP)
@Version(Application.VERSION)
@Kind("AppProject")
@Singular("appproject")
@Plural("appprojects")
@ShortNames({"appproj", "appprojs"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppProject extends CustomResource<AppProjectSpec, AppProjectStatus>
    implements Namespaced {}
