package dev.pagewalk.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Watches the events the composer consumes: records every explicit tag (refused, with its
 * location), and stops at the first alias to a list or map beyond the allowed count, at the first
 * alias that makes aliases repeat more than {@link #MAX_REPEATED} characters (an alias to a scalar
 * counts too: 100,000 aliases to one long string are as large as the text written out) or at a
 * nesting deeper than allowed — with the location SnakeYAML's own limits do not give.
 */
final class InspectingParser implements Parser {
  static final int MAX_COLLECTION_ALIASES = 10;
  static final int MAX_DEPTH = 50;
  static final long MAX_REPEATED = YamlComposer.MAX_BYTES;

  private final Parser delegate;
  private final Map<String, Boolean> anchorIsCollection = new HashMap<>();

  /** Expanded size of each anchored value: characters of its scalars plus one per node. */
  private final Map<String, Long> anchorSize = new HashMap<>();

  /** The expanded size so far of each open collection, innermost last, with its anchor. */
  private final Deque<long[]> openSizes = new ArrayDeque<>();

  private final Deque<String> openAnchors = new ArrayDeque<>();
  private final List<YamlProblem> tags = new ArrayList<>();
  private int collectionAliases;
  private long repeated;
  private int depth;

  InspectingParser(Parser delegate) {
    this.delegate = delegate;
  }

  /** Every explicit tag seen so far, as a located problem. */
  List<YamlProblem> tagProblems() {
    return tags;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return delegate.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return delegate.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event event = delegate.getEvent();
    if (event instanceof ScalarEvent scalar) {
      checkTag(scalar.getTag(), event);
      remember(scalar, false);
      long size = 1L + scalar.getValue().length();
      if (scalar.getAnchor() != null) {
        anchorSize.put(scalar.getAnchor(), size);
      }
      grow(size);
    } else if (event instanceof CollectionStartEvent start) {
      checkTag(start.getTag(), event);
      remember(start, true);
      if (++depth > MAX_DEPTH) {
        throw new YamlProblem(
            "nesting deeper than " + MAX_DEPTH + " levels", event.getStartMark(), null);
      }
      openSizes.push(new long[] {1});
      openAnchors.push(start.getAnchor() == null ? "" : start.getAnchor());
    } else if (event instanceof CollectionEndEvent) {
      depth--;
      long size = openSizes.pop()[0];
      String anchor = openAnchors.pop();
      if (!anchor.isEmpty()) {
        anchorSize.put(anchor, size);
      }
      grow(size);
    } else if (event instanceof AliasEvent alias) {
      long size = anchorSize.getOrDefault(alias.getAnchor(), 1L);
      repeated += size;
      if (repeated > MAX_REPEATED) {
        throw new YamlProblem(
            "aliases repeat more than " + MAX_REPEATED + " characters",
            event.getStartMark(),
            "write the values out; many aliases to long values can blow up the document");
      }
      grow(size);
      if (Boolean.TRUE.equals(anchorIsCollection.get(alias.getAnchor()))
          && ++collectionAliases > MAX_COLLECTION_ALIASES) {
        throw new YamlProblem(
            "more than " + MAX_COLLECTION_ALIASES + " aliases to lists or maps",
            event.getStartMark(),
            "write the values out; many aliases can blow up the document (alias bomb)");
      }
    }
    return event;
  }

  private void grow(long size) {
    if (!openSizes.isEmpty()) {
      openSizes.peek()[0] += size;
    }
  }

  private void remember(NodeEvent event, boolean collection) {
    if (event.getAnchor() != null) {
      anchorIsCollection.put(event.getAnchor(), collection);
    }
  }

  private void checkTag(String tag, Event event) {
    if (tag != null) {
      tags.add(
          new YamlProblem(
              "YAML tags are not allowed: " + shortTag(tag),
              event.getStartMark(),
              "remove the tag; quote the value if it should be a string"));
    }
  }

  private static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
  }
}
