package dev.pagewalk.auth;

import dev.pagewalk.ErrorCode;
import dev.pagewalk.HttpFailureException;
import dev.pagewalk.PagewalkException;
import dev.pagewalk.engine.send.Attempt;
import dev.pagewalk.engine.send.AuthLink;
import dev.pagewalk.engine.send.Call;
import dev.pagewalk.engine.send.Chain;
import dev.pagewalk.expr.Values;
import dev.pagewalk.http.UrlBuilder;
import dev.pagewalk.plan.AuthPlan;
import dev.pagewalk.spi.Headers;
import dev.pagewalk.spi.HttpRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline's auth link: puts the run's token on every call to the home origin ({@code
 * auth.apply}: headers, query values), and when the answer is a {@code refreshOn} status, replaces
 * the token once and sends the very same call again — paging state included — through the links
 * below. A second refusal fails the run with the status. The applied names are credentials of the
 * call, so a redirect to another origin drops them. Calls to another origin go without.
 * Thread-safe: read-ahead calls go through it on their own thread.
 */
public final class TokenLink implements AuthLink {
  private final String spec;
  private final AuthPlan plan;
  private final TokenSource source;
  private final Inputs inputs;
  private final HomeOrigin home;

  TokenLink(String spec, AuthPlan plan, TokenSource source, Inputs inputs, HomeOrigin home) {
    this.spec = spec;
    this.plan = plan;
    this.source = source;
    this.inputs = inputs;
    this.home = home;
  }

  @Override
  public Attempt intercept(Chain chain) {
    Call call = chain.call();
    if (!home.holds(call.http().uri())) {
      return chain.proceed(call);
    }
    Token token;
    try {
      token = source.current();
    } catch (PagewalkException e) {
      return Attempt.crashed(e).withSent(0);
    }
    Attempt first = chain.proceed(authorised(call, token, null));
    if (!refused(first)) {
      return first;
    }
    Token next;
    try {
      next = source.replace(token);
    } catch (PagewalkException e) {
      return Attempt.crashed(e).withSent(first.sent()).plusWaits(first.waits());
    }
    Attempt second = chain.proceed(authorised(call, next, token));
    Attempt both = second.withSent(first.sent() + second.sent()).plusWaits(first.waits());
    if (!refused(second)) {
      return both;
    }
    int status = second.response().response().status();
    return Attempt.crashed(
            new HttpFailureException(
                ErrorCode.HTTP_STATUS,
                spec
                    + ": "
                    + call.display()
                    + " returned "
                    + status
                    + " again after the token was refreshed (auth.refreshOn)",
                status,
                null))
        .withSent(both.sent())
        .plusWaits(both.waits());
  }

  private boolean refused(Attempt attempt) {
    return attempt.response() != null
        && plan.refreshOn().contains(attempt.response().response().status());
  }

  /**
   * {@code call} with {@code token} applied: the {@code apply} headers replace those of the same
   * name, the {@code apply} query values those of the same name, and a {@code stale} token the spec
   * put in the request itself ({@code {{auth.token}}}) is swapped for the new one.
   */
  private Call authorised(Call call, Token token, Token stale) {
    HttpRequest http = call.http();
    Map<String, Object> auth = Map.of("token", token.value());
    Map<String, String> headers = texts(plan.applyHeaders(), "auth.apply.headers", auth);
    Map<String, String> qs = texts(plan.applyQs(), "auth.apply.qs", auth);
    Set<String> lower = new HashSet<>();
    headers.keySet().forEach(k -> lower.add(k.toLowerCase(Locale.ROOT)));
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (Map.Entry<String, String> f : http.headers().fields()) {
      if (!lower.contains(f.getKey().toLowerCase(Locale.ROOT))) {
        fields.add(Map.entry(f.getKey(), swap(f.getValue(), stale, token)));
      }
    }
    fields.addAll(headers.entrySet());
    URI uri = withQuery(URI.create(swap(http.uri().toString(), stale, token)), qs);
    HttpRequest next = new HttpRequest(http.method(), uri, Headers.of(fields), http.body());
    Set<String> credentialHeaders = new HashSet<>(call.limits().credentialHeaders());
    credentialHeaders.addAll(headers.keySet());
    Set<String> credentialQuery = new HashSet<>(call.limits().credentialQuery());
    credentialQuery.addAll(qs.keySet());
    return new Call(
        next,
        call.display(),
        call.pagination(),
        call.limits().withCredentialHeaders(credentialHeaders).withCredentialQuery(credentialQuery),
        call.parser());
  }

  private Map<String, String> texts(
      dev.pagewalk.expr.Template t, String place, Map<String, Object> auth) {
    Map<String, String> out = new LinkedHashMap<>();
    Object v =
        inputs.value(
            t, place, name -> name.equals("auth") ? auth : inputs.bindings().variable(name));
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> out.put(String.valueOf(k), Values.toText(x)));
    }
    return out;
  }

  private static String swap(String text, Token stale, Token fresh) {
    if (stale == null || stale.value().equals(fresh.value())) {
      return text;
    }
    return text.replace(stale.value(), fresh.value())
        .replace(UrlBuilder.encode(stale.value()), UrlBuilder.encode(fresh.value()));
  }

  private static URI withQuery(URI uri, Map<String, String> qs) {
    if (qs.isEmpty()) {
      return uri;
    }
    String text = uri.toString();
    int hash = text.indexOf('#');
    String fragment = hash < 0 ? "" : text.substring(hash);
    String base = hash < 0 ? text : text.substring(0, hash);
    int q = base.indexOf('?');
    StringBuilder out = new StringBuilder(q < 0 ? base : base.substring(0, q));
    String sep = "?";
    if (q >= 0) {
      for (String pair : base.substring(q + 1).split("&")) {
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        if (!pair.isEmpty()
            && !qs.containsKey(
                java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8))) {
          out.append(sep).append(pair);
          sep = "&";
        }
      }
    }
    for (Map.Entry<String, String> e : qs.entrySet()) {
      out.append(sep)
          .append(UrlBuilder.encode(e.getKey()))
          .append('=')
          .append(UrlBuilder.encode(e.getValue()));
      sep = "&";
    }
    return URI.create(out + fragment);
  }
}
