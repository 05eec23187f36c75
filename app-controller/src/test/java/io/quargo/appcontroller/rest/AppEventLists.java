package io.quargo.appcontroller.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads an app's Events through {@code GET .../events} and picks fields out of the EventList. */
final class AppEventLists {

  private AppEventLists() {}

  /** The EventList of {@code app}, with {@code query} ("" or "?resourceName=..."). */
  static JsonNode events(String app, String query) {
    return given()
        .get("/api/v1/applications/" + app + "/events" + query)
        .then()
        .statusCode(200)
        .extract()
        .as(JsonNode.class);
  }

  /** {@code field} (reason, message) of each item, in the list's order. */
  static List<String> each(JsonNode list, String field) {
    List<String> values = new ArrayList<>();
    list.path("items").forEach(i -> values.add(i.path(field).asText()));
    return values;
  }
}
