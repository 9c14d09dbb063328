package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import dev.pagewalk.http.BodyType;
import java.util.Objects;

/**
 * {@code auth.login}: a request that opens a session, and the expressions over its response that
 * read the token and, optionally, its lifetime in seconds ({@code expiresIn}, null: until refused).
 */
public record LoginPlan(
    Template url,
    String method,
    Template qs,
    Template headers,
    Template body,
    BodyType type,
    Template token,
    Template expiresIn)
    implements AuthSource {
  public LoginPlan {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(token, "token");
  }
}
