package io.quargo.gateway.application;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Drops the cached application lists around every request that may change something (any method but
 * GET, HEAD and OPTIONS): before, so no list computed from older state is kept after it, and after,
 * so a list read while it ran is not kept either.
 */
public class ListCacheInvalidation {

  private final ApplicationListCache lists;

  public ListCacheInvalidation(ApplicationListCache lists) {
    this.lists = lists;
  }

  @ServerRequestFilter
  public void before(ContainerRequestContext request) {
    if (writes(request.getMethod())) {
      lists.invalidate();
    }
  }

  @ServerResponseFilter
  public void after(ContainerRequestContext request, ContainerResponseContext response) {
    if (writes(request.getMethod())) {
      lists.invalidate();
    }
  }

  private static boolean writes(String method) {
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }
}
