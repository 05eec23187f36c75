package io.quargo.gateway.config;

import io.quargo.common.json.Json;
import io.quargo.common.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is over {@code quarkus.http.limits.max-body-size} with a
 * 413 problem before it is read (Vert.x would answer bodies without a length in plain text).
 */
@ApplicationScoped
public class BodySizeLimit {

  private final long limit;

  public BodySizeLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize limit) {
    this.limit = limit.asLongValue();
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(-1000)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              long declared;
              try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
              } catch (NumberFormatException e) {
                declared = -1;
              }
              if (declared > limit) {
                Problem problem =
                    Problem.of(
                            413,
                            "request body of "
                                + declared
                                + " bytes is over the limit of "
                                + limit
                                + " bytes (quarkus.http.limits.max-body-size); send less")
                        .at(ctx.request().path());
                ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Json.toJson(problem));
                return;
              }
              ctx.next();
            });
  }
}
