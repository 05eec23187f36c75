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

/**
 * The {@code -o} formats: {@code wide}, {@code yaml}, {@code json} everywhere (a table when
 * absent), and per command the ones argocd adds there ({@code name}, {@code tree}, {@code id},
 * {@code url}, {@code server}), each command naming its own through a {@link Converter} subclass.
 */
enum OutputFormat {
  TABLE,
  WIDE,
  JSON,
  YAML,
  /** One name per line ({@code app list}, {@code proj list}, {@code account list}). */
  NAME,
  /** The app's resources as a tree of owners ({@code app get}, {@code app sync}, ...). */
  TREE,
  /** History IDs only ({@code app history}). */
  ID,
  /** Repository URLs only ({@code repo list}). */
  URL,
  /** Cluster servers only ({@code cluster list}). */
  SERVER;

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

  /**
   * Turns {@code -o json} into a format; a format the command does not have is a usage error naming
   * the ones it has. Subclasses name the extra formats of one command.
   */
  static class Converter implements CommandLine.ITypeConverter<OutputFormat> {
    private final List<OutputFormat> allowed;

    Converter() {
      this(WIDE, YAML, JSON);
    }

    Converter(OutputFormat... allowed) {
      this.allowed = List.of(allowed);
    }

    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : allowed) {
        if (format.name().equalsIgnoreCase(value)) {
          return format;
        }
      }
      List<String> names = new ArrayList<>();
      allowed.forEach(f -> names.add(f.name().toLowerCase(Locale.ROOT)));
      throw new CommandLine.TypeConversionException(
          "unknown output format \""
              + value
              + "\"; use "
              + String.join(", ", names.subList(0, names.size() - 1))
              + " or "
              + names.get(names.size() - 1));
    }
  }

  /** {@code wide|yaml|json|name}. */
  static final class OrName extends Converter {
    OrName() {
      super(WIDE, YAML, JSON, NAME);
    }
  }

  /** {@code wide|yaml|json|tree}. */
  static final class OrTree extends Converter {
    OrTree() {
      super(WIDE, YAML, JSON, TREE);
    }
  }

  /** {@code wide|yaml|json|id}. */
  static final class OrId extends Converter {
    OrId() {
      super(WIDE, YAML, JSON, ID);
    }
  }

  /** {@code wide|yaml|json|url}. */
  static final class OrUrl extends Converter {
    OrUrl() {
      super(WIDE, YAML, JSON, URL);
    }
  }

  /** {@code wide|yaml|json|server}. */
  static final class OrServer extends Converter {
    OrServer() {
      super(WIDE, YAML, JSON, SERVER);
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

    /** A table with these column headers; a null header leaves its column out (e.g. not wide). */
    Table(String... header) {
      rows.add(java.util.Arrays.stream(header).filter(h -> h != null).toArray(String[]::new));
    }

    /** A row of cells; cells past the header's columns are left out. */
    Table row(Object... cells) {
      String[] row = new String[Math.min(cells.length, rows.get(0).length)];
      for (int i = 0; i < row.length; i++) {
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
