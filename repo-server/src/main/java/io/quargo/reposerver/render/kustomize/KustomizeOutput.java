package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A build's objects in kustomize's output order, the repository file each came from (null when the
 * external binary rendered it), the files the build read, and whether the external binary was used.
 */
public record KustomizeOutput(
    List<ObjectNode> objects, List<String> origins, List<String> inputs, boolean external) {}
