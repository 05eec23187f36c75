package io.quargo.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON answer as app-controller sent it, with its parsed tree: the gateway reads the tree (RBAC)
 * and answers the bytes unchanged, so an app is not serialised again on its way through. {@link
 * io.quargo.gateway.body.RawJsonBodies} writes it as JSON, {@link
 * io.quargo.gateway.body.YamlBodies} as YAML.
 *
 * @param bytes the JSON text, UTF-8; must stay unchanged
 * @param tree the same JSON, parsed; must stay unchanged
 */
public record RawJson(byte[] bytes, JsonNode tree) {}
