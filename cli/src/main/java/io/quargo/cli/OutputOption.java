package io.quargo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code -o wide|yaml|json} option of every command that prints objects (a picocli mixin). */
final class OutputOption {
  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "wide, yaml or json; a table when absent.")
  OutputFormat format = OutputFormat.TABLE;

  /** Prints {@code value} as YAML or JSON and answers true, or answers false for a table. */
  boolean printStructured(PrintWriter out, JsonNode value) {
    return format.printStructured(out, value);
  }

  boolean wide() {
    return format == OutputFormat.WIDE;
  }
}
