package dev.pagewalk.spec;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Where a value stands in the source: its node, and the mark of its key (null for list items and
 * the root).
 */
record NodeLocation(Mark keyMark, Node node) {}
