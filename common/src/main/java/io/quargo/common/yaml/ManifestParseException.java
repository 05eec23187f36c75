package io.quargo.common.yaml;

/**
 * A manifest could not be read: names the source (when known), the document (1-based, counting
 * every document of the stream, empty ones included, as {@code kubectl} users count them), the line
 * and column (1-based, in the whole stream) and the parser's reason.
 *
 * <p>{@link #getMessage()} reads {@code guestbook.yaml: document 2, line 7, column 3: mapping
 * values are not allowed here}; {@link #reason()} is only the last part.
 */
public class ManifestParseException extends RuntimeException {

  private final String source;
  private final int document;
  private final int line;
  private final int column;
  private final String reason;

  /**
   * @param source a file name or URL the user knows, or null
   * @param document 1-based document index
   * @param line 1-based line, 0 when unknown
   * @param column 1-based column, 0 when unknown
   */
  public ManifestParseException(
      String source, int document, int line, int column, String reason, Throwable cause) {
    super(format(source, document, line, column, reason), cause);
    this.source = source;
    this.document = document;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  private static String format(String source, int document, int line, int column, String reason) {
    StringBuilder text = new StringBuilder();
    if (source != null) {
      text.append(source).append(": ");
    }
    text.append("document ").append(document);
    if (line > 0) {
      text.append(", line ").append(line).append(", column ").append(column);
    }
    return text.append(": ").append(reason).toString();
  }

  /** The file or URL, or null when the caller gave none. */
  public String source() {
    return source;
  }

  /** 1-based index of the failing document in the stream. */
  public int document() {
    return document;
  }

  /** 1-based line in the whole stream, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }

  /** The parser's reason without the position. */
  public String reason() {
    return reason;
  }
}
