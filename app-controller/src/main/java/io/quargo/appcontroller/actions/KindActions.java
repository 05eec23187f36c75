package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in actions of one kind family, as Argo CD's {@code resource_customizations/<group>/
 * <kind>/actions/} scripts: which ones a live object offers, and the change one makes.
 */
interface KindActions {

  /** The actions {@code live} offers now, in a stable order. */
  List<ResourceAction> available(ObjectNode live);

  /**
   * The change {@code action} makes to {@code live} at {@code now} with the request's {@code
   * params} (Argo's {@code resourceActionParameters} by name); empty when not an action.
   */
  Optional<ActionChange> run(
      String action, ObjectNode live, Instant now, Map<String, String> params);
}
