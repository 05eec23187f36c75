package io.quargo.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.events.AppStatusChanged;
import io.quargo.gateway.application.ApplicationResource;
import io.quargo.gateway.auth.Caller;
import io.quargo.gateway.client.AppControllerClient;
import io.quargo.gateway.rbac.Rbac;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The open application watches of this gateway instance. Each app event is turned into the app's
 * current state (fetched once from app-controller) and offered to every watch whose filter and RBAC
 * ({@code applications, get}) let it see the app.
 */
@ApplicationScoped
public class ApplicationStreamHub {

  private static final Logger LOG = Logger.getLogger(ApplicationStreamHub.class);

  private final AppControllerClient appController;
  private final Rbac rbac;
  private final Set<ApplicationWatch> watches = ConcurrentHashMap.newKeySet();

  public ApplicationStreamHub(AppControllerClient appController, Rbac rbac) {
    this.appController = appController;
    this.rbac = rbac;
  }

  /** Starts delivering to {@code watch}, after sending it the apps it may see now as ADDED. */
  void open(ApplicationWatch watch) {
    watches.add(watch);
    Rbac.Decider decider = rbac.forCaller(watch.caller());
    JsonNode list = appController.listApplications(AppControllerClient.query());
    for (JsonNode app : list.path("items")) {
      if (watch.filter().matches(app) && visible(decider, app)) {
        watch.addIfNew(key(app), app);
      }
    }
  }

  void close(ApplicationWatch watch) {
    watches.remove(watch);
  }

  /** How many watches are open. */
  public int size() {
    return watches.size();
  }

  /** An app changed: sends its state to each watch that may see it. */
  public void changed(AppStatusChanged event) {
    watches.removeIf(ApplicationWatch::closed);
    if (watches.isEmpty() || event.name() == null) {
      return;
    }
    String namespace = event.namespace() == null ? Rbac.DEFAULT_APP_NAMESPACE : event.namespace();
    String key = namespace + "/" + event.name();
    MultivaluedMap<String, String> query = AppControllerClient.query();
    if (!namespace.equals(Rbac.DEFAULT_APP_NAMESPACE)) {
      query.putSingle("appNamespace", namespace);
    }
    Optional<JsonNode> app;
    try {
      app = appController.findApplication(event.name(), query);
    } catch (RuntimeException e) {
      LOG.warnf("cannot fetch application %s for the stream: %s", key, e.getMessage());
      return;
    }
    Map<Caller, Rbac.Decider> deciders = new HashMap<>();
    for (ApplicationWatch watch : watches) {
      if (app.isEmpty()) {
        watch.removed(key);
        continue;
      }
      Rbac.Decider decider = deciders.computeIfAbsent(watch.caller(), rbac::forCaller);
      if (watch.filter().matches(app.get()) && visible(decider, app.get())) {
        watch.changed(key, app.get());
      } else {
        watch.removed(key);
      }
    }
  }

  private static boolean visible(Rbac.Decider decider, JsonNode app) {
    try {
      return decider.can("applications", "get", ApplicationResource.rbacObject(app));
    } catch (RuntimeException e) {
      // a project that cannot be read now hides the app rather than ending the stream
      return false;
    }
  }

  static String key(JsonNode app) {
    JsonNode metadata = app.path("metadata");
    return metadata.path("namespace").asText(Rbac.DEFAULT_APP_NAMESPACE)
        + "/"
        + metadata.path("name").asText();
  }
}
