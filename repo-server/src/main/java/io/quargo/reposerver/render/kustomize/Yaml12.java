package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML the way kustomize (go-yaml v3) types plain scalars: only {@code true}/{@code false}
 * are booleans ({@code yes}, {@code on}, {@code off} stay strings, unlike YAML 1.1), integers as Go
 * parses them ({@code 0x1F}, {@code 0o17}, {@code 0777}), {@code ~}/{@code null}/empty are null;
 * quoted scalars are always strings.
 */
final class Yaml12 {

  private static final Tag PLAIN = new Tag("tag:quargo.io,2026:plain");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INT =
      Pattern.compile("[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)");

  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ](\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d+)?)(Z|[+-]\\d{2}:\\d{2})?)?");

  private Yaml12() {}

  /** The mapping documents of {@code text} (empty documents skipped), for {@code source}. */
  static List<ObjectNode> readAll(String text, String source) {
    return readAll(text, source, true);
  }

  /**
   * As {@link #readAll(String, String)}; with {@code typed} false, plain scalars stay text (as Go
   * decodes a kustomization into string fields: {@code newTag: 1.10} is "1.10", not 1.1).
   */
  static List<ObjectNode> readAll(String text, String source, boolean typed) {
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode document : documents(text, source, typed)) {
      if (document.isNull() || document.isMissingNode()) {
        continue;
      }
      if (!document.isObject()) {
        throw new KustomizeException(
            source, "a YAML document is a " + document.getNodeType() + ", expected a mapping");
      }
      objects.add((ObjectNode) document);
    }
    return objects;
  }

  /** The first document of {@code text} as a tree (null node when empty). */
  static JsonNode readTree(String text, String source) {
    List<JsonNode> documents = documents(text, source, true);
    return documents.isEmpty() ? NODES.nullNode() : documents.get(0);
  }

  private static List<JsonNode> documents(String text, String source, boolean typed) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(100);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new PlainResolver());
    List<JsonNode> documents = new ArrayList<>();
    try {
      for (Node node : yaml.composeAll(new StringReader(text))) {
        documents.add(convert(node, source, typed));
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      throw new KustomizeException(
          source,
          "invalid YAML"
              + (mark == null ? "" : " at line " + (mark.getLine() + 1))
              + ": "
              + e.getProblem(),
          e);
    } catch (YAMLException e) {
      throw new KustomizeException(source, "invalid YAML: " + e.getMessage(), e);
    }
    return documents;
  }

  private static JsonNode convert(Node node, String source, boolean typed) {
    if (node instanceof MappingNode mapping) {
      ObjectNode object = NODES.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          throw new KustomizeException(source, "mapping keys must be scalars");
        }
        if (key.getValue().equals("<<") && key.getTag() == PLAIN) {
          throw new KustomizeException(
              source, "YAML merge keys (<<) are not supported; write the fields out");
        }
        if (object.has(key.getValue())) {
          throw new KustomizeException(
              source,
              "duplicate key \""
                  + key.getValue()
                  + "\" at line "
                  + (key.getStartMark().getLine() + 1));
        }
        object.set(key.getValue(), convert(tuple.getValueNode(), source, typed));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = NODES.arrayNode();
      for (Node element : sequence.getValue()) {
        array.add(convert(element, source, typed));
      }
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    String value = scalar.getValue();
    Tag tag = scalar.getTag();
    if (tag == PLAIN) {
      if (!typed) {
        return value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null")
            ? NODES.nullNode()
            : NODES.textNode(value);
      }
      return plain(value);
    }
    if (tag.equals(Tag.NULL)) {
      return NODES.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return NODES.booleanNode(Boolean.parseBoolean(value));
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      JsonNode number = plain(value);
      return number.isNumber() ? number : NODES.textNode(value);
    }
    return NODES.textNode(value);
  }

  private static JsonNode plain(String value) {
    switch (value) {
      case "", "~", "null", "Null", "NULL" -> {
        return NODES.nullNode();
      }
      case "true", "True", "TRUE" -> {
        return NODES.booleanNode(true);
      }
      case "false", "False", "FALSE" -> {
        return NODES.booleanNode(false);
      }
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
        return NODES.numberNode(Double.POSITIVE_INFINITY);
      }
      case "-.inf", "-.Inf", "-.INF" -> {
        return NODES.numberNode(Double.NEGATIVE_INFINITY);
      }
      case ".nan", ".NaN", ".NAN" -> {
        return NODES.numberNode(Double.NaN);
      }
      default -> {
        // fall through to numbers
      }
    }
    if (INT.matcher(value).matches() && !value.endsWith("_")) {
      BigInteger integer = parseInteger(value);
      if (integer != null) {
        if (integer.bitLength() < 32) {
          return NODES.numberNode(integer.intValue());
        }
        if (integer.bitLength() < 64) {
          return NODES.numberNode(integer.longValue());
        }
        return NODES.numberNode(integer.doubleValue());
      }
    }
    if (FLOAT.matcher(value).matches()) {
      double number = Double.parseDouble(value);
      // kustomize passes objects through Go's JSON, which prints an integral float64 as an
      // integer (1e3 and 2.0 come out as 1000 and 2).
      if (number == Math.rint(number) && Math.abs(number) < 9.2e18) {
        long integral = (long) number;
        return integral == (int) integral
            ? NODES.numberNode((int) integral)
            : NODES.numberNode(integral);
      }
      return NODES.numberNode(number);
    }
    var date = DATE.matcher(value);
    if (date.matches()) {
      // go-yaml reads an unquoted date as a timestamp; Go's JSON then writes it in RFC 3339.
      return NODES.textNode(
          String.format(
              "%s-%02d-%02dT%s%s",
              date.group(1),
              Integer.parseInt(date.group(2)),
              Integer.parseInt(date.group(3)),
              date.group(4) == null ? "00:00:00" : time(date.group(4)),
              date.group(4) == null || date.group(5) == null ? "Z" : date.group(5)));
    }
    return NODES.textNode(value);
  }

  private static String time(String hms) {
    String[] parts = hms.split(":", 3);
    return String.format(
        "%02d:%02d:%s",
        Integer.parseInt(parts[0]),
        Integer.parseInt(parts[1]),
        parts[2].length() == 1 ? "0" + parts[2] : parts[2]);
  }

  /** Go's strconv.ParseInt with base 0: 0x, 0o, 0b prefixes, a leading 0 for octal, "_". */
  private static BigInteger parseInteger(String text) {
    String s = text;
    boolean negative = s.startsWith("-");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    int radix = 10;
    if (s.length() > 1 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        s = s.substring(2);
      } else {
        radix = 8;
        s = s.substring(1);
      }
    }
    s = s.replace("_", "");
    if (s.isEmpty()) {
      return null;
    }
    try {
      BigInteger value = new BigInteger(s, radix);
      return negative ? value.negate() : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Leaves plain scalars untyped (for {@link #plain}) and quoted ones as strings. */
  private static final class PlainResolver extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar) {
        return implicit ? PLAIN : Tag.STR;
      }
      return super.resolve(kind, value, implicit);
    }
  }
}
