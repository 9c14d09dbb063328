package dev.pagewalk.plan;

import dev.pagewalk.expr.Template;
import dev.pagewalk.http.BodyType;
import java.util.List;

/**
 * One compiled request spec. {@code qs}, {@code headers} and {@code temp} evaluate to maps; {@code
 * body} is null when the spec has none; {@code pointer} locates it in the spec file. A GET carries
 * its body only with {@code allowGetBody} (loading refuses a GET with a body otherwise).
 */
public record RequestPlan(
    String pointer,
    Template url,
    String method,
    Template qs,
    Template headers,
    Template body,
    BodyType bodyType,
    boolean encodeUrl,
    Template temp,
    Template condition,
    ResponsePlan response,
    PaginationPlan pagination,
    RepeatPlan repeat,
    List<String> sanitize,
    boolean allowGetBody) {
  public RequestPlan {
    sanitize = List.copyOf(sanitize);
  }

  /** This request with another response plan. */
  public RequestPlan withResponse(ResponsePlan next) {
    return new RequestPlan(
        pointer,
        url,
        method,
        qs,
        headers,
        body,
        bodyType,
        encodeUrl,
        temp,
        condition,
        next,
        pagination,
        repeat,
        sanitize,
        allowGetBody);
  }
}
