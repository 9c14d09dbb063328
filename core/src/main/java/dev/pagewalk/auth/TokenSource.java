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
 * runs use it in place of the configured one. An OAuth2 access token with a known expiry is saved
 * too, and a later run sends it while it has more than {@link Lifetimes#MARGIN} left instead of
 * asking for a new one. Thread-safe.
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
  private boolean refreshTokenSaved;
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
   * A new token from the server, whatever is cached or saved: what {@code pagewalk auth} checks the
   * credentials with. A rotated refresh token is saved as for any fetch.
   */
  public Token fetchNew() {
    lock.lock();
    try {
      if (!storeRead) {
        storeRead = true;
        loadSaved();
      }
      return fetch();
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
      Token saved = loadSaved();
      if (saved != null) {
        return use(saved);
      }
    }
    Token t = fetcher.fetch(refreshToken, clock.instant());
    secrets.add(t.value());
    if (t.refreshToken() != null && !t.refreshToken().equals(refreshToken)) {
      secrets.add(t.refreshToken());
      refreshToken = t.refreshToken();
      refreshTokenSaved = true;
    }
    if (store != null && (refreshTokenSaved || fetcher.keepsAccessToken())) {
      store.save(
          fetcher.storeKey(),
          new TokenStore.SavedTokens(
              refreshTokenSaved ? refreshToken : null, t.value(), t.expiresAt()));
    }
    return use(t);
  }

  /**
   * Reads the store once: a saved refresh token replaces the configured one; the saved access token
   * when it may still be sent ({@link Lifetimes#renewAtOfSaved}), else null.
   */
  private Token loadSaved() {
    refreshToken = fetcher.configuredRefreshToken();
    TokenStore.SavedTokens saved =
        store == null ? null : store.load(fetcher.storeKey()).orElse(null);
    if (saved != null && saved.refreshToken() != null) {
      refreshToken = saved.refreshToken();
      refreshTokenSaved = true;
    }
    secrets.add(refreshToken);
    if (saved == null
        || saved.accessToken() == null
        || saved.expiresAt() == null
        || !fetcher.keepsAccessToken()) {
      return null;
    }
    secrets.add(saved.accessToken());
    Token t =
        new Token(
            saved.accessToken(),
            saved.expiresAt(),
            Lifetimes.renewAtOfSaved(saved.expiresAt()),
            null);
    return t.freshAt(clock.instant()) ? t : null;
  }

  private Token use(Token t) {
    issued.add(t.value());
    current = t;
    return t;
  }
}
