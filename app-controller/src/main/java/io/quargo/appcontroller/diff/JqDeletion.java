package io.quargo.appcontroller.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/** One {@code jqPathExpressions} entry, run as Argo does: {@code del(<expression>)} with jq 1.6. */
final class JqDeletion {

  private static final Scope ROOT = rootScope();

  private final String expression;
  private final JsonQuery query;

  private JqDeletion(String expression, JsonQuery query) {
    this.expression = expression;
    this.query = query;
  }

  /** Compiles {@code expression}; a syntax error names the expression. */
  static JqDeletion compile(String expression) {
    try {
      return new JqDeletion(
          expression, JsonQuery.compile("del(" + expression + ")", Versions.JQ_1_6));
    } catch (JsonQueryException e) {
      throw new IllegalArgumentException(
          "ignoreDifferences.jqPathExpressions \""
              + expression
              + "\" is not a jq path expression: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * {@code object} with the matched paths deleted; when the expression fails on this object (a type
   * error, say) the object is returned unchanged, as Argo skips a failing normalisation.
   */
  JsonNode apply(JsonNode object) {
    List<JsonNode> out = new ArrayList<>(1);
    try {
      query.apply(Scope.newChildScope(ROOT), object, out::add);
    } catch (JsonQueryException e) {
      return object;
    }
    return out.size() == 1 ? out.get(0) : object;
  }

  @Override
  public String toString() {
    return expression;
  }

  private static Scope rootScope() {
    Scope scope = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, scope);
    return scope;
  }
}
