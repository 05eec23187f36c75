package io.quargo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** The {@code -o} formats ({@code wide}, {@code yaml}, {@code json}; a table when absent). */
enum OutputFormat {
  TABLE,
  WIDE,
  JSON,
  YAML;

  static final ObjectMapper JSON_MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final YAMLMapper YAML_MAPPER =
      (YAMLMapper)
          YAMLMapper.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build();

  /** Turns {@code -o json} into a format; anything else is a usage error naming the choices. */
  static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        OutputFormat format = valueOf(value.toUpperCase(Locale.ROOT));
        if (format != TABLE) {
          return format;
        }
      } catch (IllegalArgumentException unknown) {
        // fall through
      }
      throw new CommandLine.TypeConversionException(
          "unknown output format \"" + value + "\"; use wide, yaml or json");
    }
  }

  /** Prints {@code value} as JSON or YAML; false for the table formats (the caller prints). */
  boolean printStructured(PrintWriter out, JsonNode value) {
    if (this == JSON) {
      out.println(json(value));
      return true;
    }
    if (this == YAML) {
      out.print(yaml(value));
      return true;
    }
    return false;
  }

  static String json(Object value) {
    try {
      return JSON_MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CliException("cannot print as JSON: " + e.getMessage(), e);
    }
  }

  static String yaml(Object value) {
    try {
      return YAML_MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CliException("cannot print as YAML: " + e.getMessage(), e);
    }
  }

  /** Columns aligned with two spaces between them, as argocd's tab writer prints them. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      rows.add(header);
    }

    Table row(Object... cells) {
      String[] row = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        row[i] = cells[i] == null ? "" : cells[i].toString();
      }
      rows.add(row);
      return this;
    }

    void print(PrintWriter out) {
      int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
      int[] widths = new int[columns];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          line.append(row[i]);
          if (i < row.length - 1) {
            line.append(" ".repeat(widths[i] - row[i].length() + 2));
          }
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }
}
