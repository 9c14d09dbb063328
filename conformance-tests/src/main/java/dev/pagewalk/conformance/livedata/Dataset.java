package dev.pagewalk.conformance.livedata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The records a live-data mock serves, mutable while a client pages through them, with the history
 * needed to say which ids a complete read must, may and must not contain.
 *
 * <p>Records are generated deterministically from a seed: ids 1..size, {@code created_at} one
 * minute apart from 2024-01-01T00:00Z, {@code updated_at} a few seconds after it (both grow with
 * id). Inserts take new ids above the largest id ever used; {@link #insertHead} lists them before
 * every other record, {@link #insertTail} after. {@link #update} sets {@code updated_at} to the
 * newest timestamp in the dataset, moving the record to the end of the {@code updated_at} order.
 *
 * <p>Thread-safe: every method runs under one lock, and queries return copies.
 */
public final class Dataset {
  private final ReentrantLock lock = new ReentrantLock();
  private final IdType idType;
  private final ItemFactory factory;
  private final Map<Long, Item> current = new HashMap<>();
  private final Map<Long, Item> lastKnown = new HashMap<>();
  private final Set<Long> initial = new TreeSet<>();
  private final Set<Long> inserted = new TreeSet<>();
  private final Set<Long> deleted = new TreeSet<>();
  private long maxSeq;
  private long minPosition = 1;
  private long maxPosition;
  private Instant newest = ItemFactory.EPOCH;

  private Dataset(IdType idType, long seed) {
    this.idType = idType;
    this.factory = new ItemFactory(seed);
  }

  /** A dataset of {@code size} records with ids 1..size. */
  public static Dataset generate(int size, long seed, IdType idType) {
    if (size < 0) {
      throw new IllegalArgumentException("dataset size must be >= 0 but was " + size);
    }
    Dataset dataset = new Dataset(idType, seed);
    for (long seq = 1; seq <= size; seq++) {
      dataset.put(dataset.factory.create(seq, seq));
      dataset.initial.add(seq);
    }
    dataset.maxSeq = size;
    dataset.maxPosition = size;
    return dataset;
  }

  public IdType idType() {
    return idType;
  }

  /** Inserts {@code count} new records before all others; returns their ids. */
  public List<Long> insertHead(int count) {
    return locked(
        () -> {
          List<Long> ids = new ArrayList<>();
          long firstPosition = minPosition - count;
          for (int i = 0; i < count; i++) {
            long seq = ++maxSeq;
            put(factory.create(seq, firstPosition + i));
            inserted.add(seq);
            ids.add(seq);
          }
          minPosition = Math.min(minPosition, firstPosition);
          return ids;
        });
  }

  /**
   * Inserts {@code count} new records after all others, with the newest timestamps; returns their
   * ids.
   */
  public List<Long> insertTail(int count) {
    return locked(
        () -> {
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            long seq = ++maxSeq;
            Instant at = nextTimestamp();
            put(factory.create(seq, ++maxPosition, at, at));
            inserted.add(seq);
            ids.add(seq);
          }
          return ids;
        });
  }

  /** Deletes the given ids; ids not present are ignored. Returns how many were deleted. */
  public int delete(List<Long> ids) {
    return locked(
        () -> {
          int count = 0;
          for (long seq : ids) {
            if (current.remove(seq) != null) {
              deleted.add(seq);
              count++;
            }
          }
          return count;
        });
  }

  /** Bumps {@code updated_at} of the given ids to the newest timestamp; absent ids are ignored. */
  public int update(List<Long> ids) {
    return locked(
        () -> {
          int count = 0;
          for (long seq : ids) {
            Item item = current.get(seq);
            if (item != null) {
              put(item.withUpdatedAt(nextTimestamp()));
              count++;
            }
          }
          return count;
        });
  }

  /** The current records in {@link SortOrder#ID} order. */
  public List<Item> snapshot() {
    return ordered(SortOrder.ID);
  }

  /** The current records in the given order. */
  public List<Item> ordered(SortOrder order) {
    return locked(
        () -> {
          List<Item> items = new ArrayList<>(current.values());
          items.sort(order.comparator());
          return items;
        });
  }

  /**
   * Up to {@code limit} current records strictly after {@code after} (from the start when empty).
   */
  Slice after(SortOrder order, Optional<SortKey> after, int limit) {
    return after(order, after, limit, Optional.empty());
  }

  /** As {@link #after(SortOrder, Optional, int)}, only records with {@code updated_at >= since}. */
  Slice after(SortOrder order, Optional<SortKey> after, int limit, Optional<Instant> since) {
    List<Item> all =
        since.isEmpty()
            ? ordered(order)
            : ordered(order).stream().filter(i -> !i.updatedAt().isBefore(since.get())).toList();
    List<Item> rest =
        after
            .map(key -> all.stream().filter(i -> order.keyOf(i).compareTo(key) > 0).toList())
            .orElse(all);
    List<Item> page = rest.subList(0, Math.min(limit, rest.size()));
    return new Slice(List.copyOf(page), rest.size() > page.size());
  }

  /** The sort key of an id that exists or existed (its last version), for keyset lookups. */
  Optional<SortKey> keyOf(long seq, SortOrder order) {
    return locked(() -> Optional.ofNullable(lastKnown.get(seq)).map(order::keyOf));
  }

  /** What a complete read of this dataset, made while it changed, must and may contain. */
  public Expectation expectation() {
    return locked(
        () -> {
          Set<Long> throughout = new TreeSet<>(initial);
          throughout.removeAll(deleted);
          Set<Long> sometimes = new TreeSet<>(inserted);
          sometimes.addAll(deleted);
          return new Expectation(render(throughout), render(sometimes));
        });
  }

  public Set<Long> initialIds() {
    return locked(() -> Set.copyOf(initial));
  }

  public Set<Long> currentIds() {
    return locked(() -> Set.copyOf(current.keySet()));
  }

  public Set<Long> insertedIds() {
    return locked(() -> Set.copyOf(inserted));
  }

  public Set<Long> deletedIds() {
    return locked(() -> Set.copyOf(deleted));
  }

  /** A page of records and whether more follow it. */
  record Slice(List<Item> items, boolean hasMore) {}

  private List<String> render(Set<Long> ids) {
    return ids.stream().map(idType::render).toList();
  }

  private void put(Item item) {
    current.put(item.seq(), item);
    lastKnown.put(item.seq(), item);
    if (item.updatedAt().isAfter(newest)) {
      newest = item.updatedAt();
    }
  }

  private Instant nextTimestamp() {
    newest = newest.plusSeconds(1);
    return newest;
  }

  private <T> T locked(java.util.function.Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
