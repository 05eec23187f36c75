package io.quargo.appcontroller.rest;

import jakarta.ws.rs.QueryParam;

/**
 * The live resource of an app that Argo's resource routes name by their query: {@code
 * resourceName}, {@code kind}, {@code group}, {@code version}, {@code namespace} and the app's
 * {@code appNamespace}. Taken as a {@code @BeanParam}.
 */
public class LiveResourceQuery {

  @QueryParam("appNamespace")
  public String appNamespace;

  @QueryParam("namespace")
  public String namespace;

  @QueryParam("resourceName")
  public String resourceName;

  @QueryParam("version")
  public String version;

  @QueryParam("group")
  public String group;

  @QueryParam("kind")
  public String kind;

  /** The resource in the tree of app {@code name}; a 404 problem when it is not there. */
  AppLiveResources.LiveResource locate(AppLiveResources resources, String name) {
    return resources.locate(appNamespace, name, group, version, kind, namespace, resourceName);
  }
}
