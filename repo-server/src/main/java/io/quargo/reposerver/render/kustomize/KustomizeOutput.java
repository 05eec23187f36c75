package io.quargo.reposerver.render.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A build's objects in kustomize's output order, the repository file each came from (the top
 * kustomization file when the external binary rendered them, as it does not say), the files the
 * build read (empty for the external binary), and whether the external binary was used.
 */
public record KustomizeOutput(
    List<ObjectNode> objects, List<String> origins, List<String> inputs, boolean external) {}
