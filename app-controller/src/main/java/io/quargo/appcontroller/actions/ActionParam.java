package io.quargo.appcontroller.actions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One parameter an action asks for, as Argo CD lists it in the action's {@code params}: its name,
 * the value given (empty in a listing), its type and the default a UI prefills ({@code scale}'s is
 * the current {@code spec.replicas}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionParam(
    String name, String value, String type, @JsonProperty("default") String defaultValue) {}
