package io.quargo.common.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {

  @Test
  void readsDocumentsInOrderSkippingEmptyOnes() {
    String yaml =
        """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
        ---
        # only a comment
        ---
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: second
        """;

    List<ObjectNode> objects = ManifestCodec.readAll(yaml);

    assertThat(objects)
        .extracting(o -> o.at("/metadata/name").asText())
        .containsExactly("first", "second");
  }

  @Test
  void readsJsonStreamsToo() {
    String json = "{\"kind\": \"A\"}\n{\t\"kind\": \"B\"}";

    assertThat(ManifestCodec.readAll(json))
        .extracting(o -> o.get("kind").asText())
        .containsExactly("A", "B");
  }

  @Test
  void readsAStream() {
    var in = new ByteArrayInputStream("kind: A\n".getBytes(StandardCharsets.UTF_8));

    assertThat(ManifestCodec.readAll(in, "a.yaml")).hasSize(1);
  }

  @Test
  void badIndentationPointsAtTheKey() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
           labels: {}
        """;

    ManifestParseException e = parseError(yaml);

    assertThat(e.document()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.reason()).isEqualTo("mapping values are not allowed here");
    assertThat(e.getMessage())
        .isEqualTo("document 1, line 5, column 10: mapping values are not allowed here");
  }

  @Test
  void tabIndentationIsNamed() {
    ManifestParseException e = parseError("metadata:\n\tname: a\n");

    assertThat(e.document()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.reason()).contains("TAB");
  }

  @Test
  void unclosedQuoteSaysWhereTheQuoteStarted() {
    ManifestParseException e = parseError("kind: A\n---\nmetadata:\n  name: \"guestbook\n");

    assertThat(e.document()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.reason())
        .isEqualTo(
            "while scanning a quoted scalar (started at line 4, column 9):"
                + " found unexpected end of stream");
  }

  @Test
  void aBrokenSecondDocumentIsCountedWithEmptyDocumentsBeforeIt() {
    String yaml = "kind: A\n---\n---\nkind: B\nmetadata: x: y\n";

    ManifestParseException e =
        catchThrowableOfType(
            ManifestParseException.class, () -> ManifestCodec.readAll(yaml, "apps.yaml"));

    assertThat(e.document()).isEqualTo(3);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(12);
    assertThat(e.getMessage())
        .isEqualTo("apps.yaml: document 3, line 5, column 12: mapping values are not allowed here");
  }

  @Test
  void duplicateKeysAreRefused() {
    ManifestParseException e = parseError("kind: A\nmetadata:\n  name: a\n  name: b\n");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.reason()).contains("Duplicate field 'name'");
  }

  @Test
  void aScalarDocumentIsNotAnObject() {
    ManifestParseException e = parseError("kind: A\n---\njust a string\n");

    assertThat(e.document()).isEqualTo(2);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.reason()).startsWith("the document is a string, expected a mapping");
  }

  @Test
  void malformedJsonPointsAtTheCharacter() {
    ManifestParseException e = parseError("{\n  \"kind\": \"A\",\n  }\n");

    assertThat(e.document()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.reason()).contains("was expecting double-quote to start field name");
  }

  record Probe(String name, int replicas, Instant at) {}

  @Test
  void typedReadBindsOneDocument() {
    Probe probe =
        ManifestCodec.read("name: web\nreplicas: 3\nat: 2026-11-26T22:00:00Z\n", Probe.class);

    assertThat(probe).isEqualTo(new Probe("web", 3, Instant.parse("2026-11-26T22:00:00Z")));
  }

  @Test
  void typedReadNamesThePathOfAWrongType() {
    ManifestParseException e =
        catchThrowableOfType(
            ManifestParseException.class,
            () -> ManifestCodec.read("---\nname: web\nreplicas: three\n", Probe.class));

    assertThat(e.document()).isEqualTo(1);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.reason()).startsWith("replicas: Cannot deserialize value of type `int`");
  }

  @Test
  void typedReadRefusesSeveralDocuments() {
    ManifestParseException e =
        catchThrowableOfType(
            ManifestParseException.class,
            () -> ManifestCodec.read("name: a\n---\nname: b\n", Probe.class));

    assertThat(e.reason()).isEqualTo("expected exactly one Probe, found 2 documents");
  }

  @Test
  void writesYamlThatReadsBackEqual() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: a
        data:
          version: "1.0"
          enabled: "true"
          answer: "yes"
          empty: ""
          list:
          - 1
          - two
        ---
        kind: B
        """;
    List<ObjectNode> objects = ManifestCodec.readAll(yaml);

    String written = ManifestCodec.write(objects);

    assertThat(ManifestCodec.readAll(written)).isEqualTo(objects);
    assertThat(written).doesNotStartWith("---").contains("\n---\nkind: B");
  }

  private static ManifestParseException parseError(String text) {
    return catchThrowableOfType(ManifestParseException.class, () -> ManifestCodec.readAll(text));
  }
}
