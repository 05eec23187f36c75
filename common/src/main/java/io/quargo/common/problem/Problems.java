package io.quargo.common.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quargo.common.json.Json;
import io.quargo.common.json.JsonPaths;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/** Builds problem responses, shared by the exception mappers. */
public final class Problems {

  private Problems() {}

  /** The response for {@code problem}: its status, {@value Problem#MEDIA_TYPE}, JSON body. */
  public static Response response(Problem problem) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(Json.toJson(problem))
        .build();
  }

  /**
   * A 400 for a request body Jackson could not read: malformed JSON, an unknown field, a wrong
   * type. The detail names line and column, the field error names the JSON path.
   */
  public static Problem badJson(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at != null && at.getLineNr() > 0
            ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
            : "";
    if (e instanceof JsonMappingException mapping) {
      String path = JsonPaths.of(mapping);
      String message = describe(mapping);
      String detail =
          "request body does not match the expected shape"
              + where
              + ": "
              + (path.isEmpty() ? "" : path + ": ")
              + message;
      return Problem.of(400, detail, List.of(new Problem.FieldError(path, message)));
    }
    return Problem.of(
        400, "request body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : unknown.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", ", "; known fields: ", ""));
      return "unknown field \"" + unknown.getPropertyName() + "\"" + known;
    }
    if (e instanceof InvalidFormatException format) {
      return "value "
          + Json.toJson(format.getValue())
          + " is not a valid "
          + simpleType(format.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected "
          + simpleType(mismatch.getTargetType())
          + ": "
          + firstLine(e.getOriginalMessage());
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String simpleType(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type.isEnum()) {
      return "value, one of " + Json.toJson(type.getEnumConstants());
    }
    return type.getSimpleName();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
