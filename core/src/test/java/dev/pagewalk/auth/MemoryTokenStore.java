package dev.pagewalk.auth;

import dev.pagewalk.state.TokenStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A token store in memory that also notes each save in a shared timeline. */
final class MemoryTokenStore implements TokenStore {
  private final Map<String, SavedTokens> saved = new ConcurrentHashMap<>();
  private final List<String> timeline;

  MemoryTokenStore(List<String> timeline) {
    this.timeline = timeline;
  }

  MemoryTokenStore() {
    this(new CopyOnWriteArrayList<>());
  }

  @Override
  public Optional<SavedTokens> load(String key) {
    return Optional.ofNullable(saved.get(key));
  }

  @Override
  public void save(String key, SavedTokens tokens) {
    timeline.add("saved " + tokens.refreshToken());
    saved.put(key, tokens);
  }

  Map<String, SavedTokens> all() {
    return Map.copyOf(saved);
  }
}
