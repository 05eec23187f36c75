package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What running an action does on the cluster: patch the resource, or create a new object. */
public sealed interface ActionChange {

  /** An RFC 7386 JSON merge patch of the resource the action ran on. */
  record Patch(ObjectNode patch) implements ActionChange {}

  /** A new object to create (a Job made from a CronJob). */
  record Create(ObjectNode object) implements ActionChange {}
}
