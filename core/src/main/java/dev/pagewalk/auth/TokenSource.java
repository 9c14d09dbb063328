package dev.pagewalk.auth;

import dev.pagewalk.state.TokenStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The token of one run, shared by its walks and read-ahead: fetched before the first request that
 * needs it, renewed when it is due ({@link Token#renewAt}) or refused. One fetch at a time: a
 * thread that finds a fetch under way waits for its token instead of fetching its own, so requests
 * refused together cause one token request.
 *
 * <p>A refresh token the server rotates is saved in the {@link TokenStore} (when there is one)
 * before the new access token is handed out, so a crash cannot lose it; the next fetch and later
 * runs use it in place of the configured one. Thread-safe.
 */
public final class TokenSource {
  private final TokenFetcher fetcher;
  private final TokenStore store;
  private final Clock clock;
  private final AuthSecrets secrets;
  private final ReentrantLock lock = new ReentrantLock();

  private final Set<String> issued = new CopyOnWriteArraySet<>();
  private volatile Token current;
  private String refreshToken;
  private boolean storeRead;

  TokenSource(TokenFetcher fetcher, TokenStore store, Clock clock, AuthSecrets secrets) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.store = store;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** The token to send now: the cached one while it is fresh, else a new one. */
  public Token current() {
    Token t = current;
    if (t != null && t.freshAt(clock.instant())) {
      return t;
    }
    lock.lock();
    try {
      t = current;
      return t != null && t.freshAt(clock.instant()) ? t : fetch();
    } finally {
      lock.unlock();
    }
  }

  /**
   * A token to replace {@code refused}: a new one, unless another thread replaced it already, in
   * which case that one.
   */
  public Token replace(Token refused) {
    lock.lock();
    try {
      Token t = current;
      return t != null && t != refused && t.freshAt(clock.instant()) ? t : fetch();
    } finally {
      lock.unlock();
    }
  }

  /** Where the tokens come from: the token URL, or the login URL without its query. */
  public java.net.URI endpoint() {
    return fetcher.endpoint();
  }

  /** Every token value handed out so far (a checkpoint holds none of them). */
  public Set<String> issued() {
    return Set.copyOf(issued);
  }

  private Token fetch() {
    if (!storeRead) {
      storeRead = true;
      refreshToken = fetcher.configuredRefreshToken();
      if (store != null) {
        store
            .load(fetcher.storeKey())
            .map(TokenStore.SavedTokens::refreshToken)
            .ifPresent(saved -> refreshToken = saved);
      }
      secrets.add(refreshToken);
    }
    Token t = fetcher.fetch(refreshToken, clock.instant());
    secrets.add(t.value());
    issued.add(t.value());
    if (t.refreshToken() != null && !t.refreshToken().equals(refreshToken)) {
      secrets.add(t.refreshToken());
      if (store != null) {
        store.save(
            fetcher.storeKey(),
            new TokenStore.SavedTokens(t.refreshToken(), t.value(), t.expiresAt()));
      }
      refreshToken = t.refreshToken();
    }
    current = t;
    return t;
  }
}
