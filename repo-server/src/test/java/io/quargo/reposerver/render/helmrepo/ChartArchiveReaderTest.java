package io.quargo.reposerver.render.helmrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking chart archives: the top folder dropped, long names read, escapes refused. */
class ChartArchiveReaderTest {

  @TempDir Path tmp;

  @Test
  void dropsTheTopFolderAndReadsGnuAndPaxLongNames() throws IOException {
    String deep = "templates/" + "nested/".repeat(20) + "cm.yaml";
    Tar tar =
        new Tar()
            .file("web/Chart.yaml", "name: web\n")
            .longName('L', "web/" + deep, "long: gnu\n")
            .longName('x', "web/pax/" + "p".repeat(120) + ".yaml", "long: pax\n")
            .file("README-beside-the-folder", "ignored\n");
    ChartArchiveReader.unpack(tar.gzip(), tmp);
    assertThat(tmp.resolve("Chart.yaml")).hasContent("name: web");
    assertThat(tmp.resolve(deep)).hasContent("long: gnu");
    assertThat(tmp.resolve("pax/" + "p".repeat(120) + ".yaml")).hasContent("long: pax");
    assertThat(tmp.resolve("README-beside-the-folder")).doesNotExist();
  }

  @Test
  void refusesEntriesThatLeaveTheChartFolder() throws IOException {
    Tar tar = new Tar().file("web/../../escaped.yaml", "x: 1\n");
    Path target = Files.createDirectories(tmp.resolve("a/b"));
    assertThatThrownBy(() -> ChartArchiveReader.unpack(tar.gzip(), target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside its chart folder");
    assertThat(tmp.resolve("escaped.yaml")).doesNotExist();
  }

  @Test
  void refusesWhatIsNotAGzippedTar() {
    assertThatThrownBy(
            () -> ChartArchiveReader.unpack("plain".getBytes(StandardCharsets.UTF_8), tmp))
        .isInstanceOf(IOException.class);
  }

  /** A minimal ustar writer for hand-made archives. */
  private static final class Tar {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Tar file(String name, String content) {
      return entry(name, '0', content.getBytes(StandardCharsets.UTF_8));
    }

    /** A GNU {@code L} or PAX {@code x} header carrying {@code name}, then the file. */
    Tar longName(char type, String name, String content) {
      byte[] meta;
      if (type == 'L') {
        meta = (name + "\0").getBytes(StandardCharsets.UTF_8);
      } else {
        String record = " path=" + name + "\n";
        int length = record.length() + 1;
        length = record.length() + String.valueOf(length).length();
        meta = (length + record).getBytes(StandardCharsets.UTF_8);
      }
      entry("././@LongLink", type, meta);
      return entry("web/short-name", '0', content.getBytes(StandardCharsets.UTF_8));
    }

    private Tar entry(String name, char type, byte[] data) {
      byte[] header = new byte[512];
      put(header, 0, name.length() > 100 ? name.substring(0, 100) : name);
      put(header, 100, "0000644");
      put(header, 124, String.format("%011o", data.length));
      put(header, 136, String.format("%011o", 0));
      header[156] = (byte) type;
      put(header, 257, "ustar");
      put(header, 263, "00");
      for (int i = 148; i < 156; i++) {
        header[i] = ' ';
      }
      long sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      put(header, 148, String.format("%06o", sum) + "\0");
      out.writeBytes(header);
      out.writeBytes(data);
      out.writeBytes(new byte[(512 - data.length % 512) % 512]);
      return this;
    }

    private static void put(byte[] header, int offset, String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    byte[] gzip() throws IOException {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
        gz.write(out.toByteArray());
        gz.write(new byte[1024]);
      }
      return zipped.toByteArray();
    }
  }
}
