package io.quargo.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A JSON answer as app-controller sent it, with its parsed tree: the gateway reads the tree (RBAC)
 * and answers the bytes unchanged, so an app is not serialised again on its way through. {@link
 * io.quargo.gateway.body.RawJsonBodies} writes it as JSON (gzipped for clients that accept it), and
 * {@link io.quargo.gateway.body.YamlBodies} as YAML. Both the bytes and the tree must stay
 * unchanged.
 */
public final class RawJson {

  /** Answers shorter than this are sent as they are: compressing them saves too little. */
  public static final int COMPRESS_AT_LEAST = 8 * 1024;

  private final byte[] bytes;
  private volatile JsonNode tree;
  private volatile byte[] gzipped;

  /**
   * @param bytes the JSON text, UTF-8
   * @param tree the same JSON, parsed (null: parsed when first asked for)
   */
  public RawJson(byte[] bytes, JsonNode tree) {
    this.bytes = bytes;
    this.tree = tree;
  }

  /** JSON text that is parsed only if its {@link #tree()} is asked for. */
  public static RawJson unparsed(byte[] bytes) {
    return new RawJson(bytes, null);
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The parsed JSON (parsed now if it was not yet). */
  public JsonNode tree() {
    JsonNode parsed = tree;
    if (parsed == null) {
      try {
        parsed = Json.mapper().readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("app-controller answered JSON that does not parse", e);
      }
      tree = parsed;
    }
    return parsed;
  }

  /** Whether {@link #gzipped()} has been compressed already. */
  public boolean hasGzipped() {
    return gzipped != null;
  }

  /** Whether a client that accepts gzip should get {@link #gzipped()}. */
  public boolean worthCompressing() {
    return bytes.length >= COMPRESS_AT_LEAST;
  }

  /**
   * The bytes gzipped, compressed once and kept: a cached list answered to many clients costs one
   * compression, not one per request.
   */
  public byte[] gzipped() {
    byte[] done = gzipped;
    if (done == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
      try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
        gzip.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      done = out.toByteArray();
      gzipped = done;
    }
    return done;
  }
}
