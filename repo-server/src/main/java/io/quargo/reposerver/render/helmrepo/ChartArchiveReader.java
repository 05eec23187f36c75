package io.quargo.reposerver.render.helmrepo;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a chart archive ({@code .tgz}, a gzipped tar whose entries sit under one top folder) into
 * a directory, dropping that top folder as Helm's loader does. Reads ustar, GNU long names and PAX
 * paths; directories come from file paths, links and other special entries are skipped. Entries
 * that would land outside the directory, and archives larger unpacked than {@link #MAX_BYTES}
 * (Helm's limit), are refused.
 */
public final class ChartArchiveReader {

  /** Helm's default limit on a chart's decompressed size. */
  static final long MAX_BYTES = 100L * 1024 * 1024;

  private ChartArchiveReader() {}

  /** Unpacks {@code archive} into {@code target}; fails with a reason on a bad archive. */
  public static void unpack(byte[] archive, Path target) throws IOException {
    long total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
      byte[] header = new byte[512];
      String longName = null;
      while (true) {
        if (!readBlock(in, header)) {
          return;
        }
        if (isZero(header)) {
          return;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        if (!prefix.isEmpty() && "ustar".equals(text(header, 257, 5))) {
          name = prefix + "/" + name;
        }
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        byte[] data = readData(in, size);
        total += size;
        if (total > MAX_BYTES) {
          throw new IOException("is larger than " + MAX_BYTES + " bytes unpacked");
        }
        switch (type) {
          case 'L' -> {
            longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
            continue;
          }
          case 'x' -> {
            longName = paxPath(data);
            continue;
          }
          case '0', '\0', '7' -> {
            String path = longName != null ? longName : name;
            longName = null;
            write(target, path, data);
          }
          default -> longName = null;
        }
      }
    }
  }

  private static void write(Path target, String entry, byte[] data) throws IOException {
    String path = entry.replace('\\', '/');
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    int slash = path.indexOf('/');
    if (slash < 0) {
      // a file beside the top folder: Helm ignores it as well
      return;
    }
    String inside = path.substring(slash + 1);
    if (inside.isEmpty()) {
      return;
    }
    Path file = target.resolve(inside).normalize();
    if (inside.startsWith("/") || !file.startsWith(target.normalize())) {
      throw new IOException("has an entry outside its chart folder: " + entry);
    }
    Files.createDirectories(file.getParent());
    Files.write(file, data);
  }

  private static String paxPath(byte[] data) {
    String records = new String(data, StandardCharsets.UTF_8);
    int i = 0;
    while (i < records.length()) {
      int space = records.indexOf(' ', i);
      if (space < 0) {
        break;
      }
      int length = Integer.parseInt(records.substring(i, space).trim());
      String record = records.substring(space + 1, Math.min(records.length(), i + length - 1));
      if (record.startsWith("path=")) {
        return record.substring(5);
      }
      i += length;
    }
    return null;
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    if (size < 0 || size > MAX_BYTES) {
      throw new IOException("has an entry of unusable size " + size);
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length != size) {
      throw new EOFException("ends inside an entry");
    }
    long padding = (512 - size % 512) % 512;
    if (in.readNBytes((int) padding).length != padding) {
      throw new EOFException("ends inside an entry");
    }
    return data;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, block.length);
    if (n == 0) {
      return false;
    }
    if (n != block.length) {
      throw new EOFException("ends inside a header");
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] block, int offset, int length) {
    int end = offset;
    while (end < offset + length && block[end] != 0) {
      end++;
    }
    return new String(block, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] block, int offset, int length) throws IOException {
    String s = text(block, offset, length).trim();
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      throw new IOException("has a header with a bad size field");
    }
  }
}
