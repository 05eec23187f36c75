/**
 * Manifest text in and out: {@link io.quargo.common.yaml.ManifestCodec} reads multi-document YAML
 * or JSON into Jackson trees or typed objects and writes YAML back; {@link
 * io.quargo.common.yaml.ManifestParseException} says which document, line and column failed (all
 * 1-based) and why.
 */
package io.quargo.common.yaml;
