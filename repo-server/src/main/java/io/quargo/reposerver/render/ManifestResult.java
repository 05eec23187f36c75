package io.quargo.reposerver.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The answer of {@code POST /api/v1/manifests}: objects, resolved commit, type, origin files. */
public record ManifestResult(
    List<ObjectNode> manifests, String revision, SourceType sourceType, List<String> origins) {}
