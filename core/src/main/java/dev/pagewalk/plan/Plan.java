package dev.pagewalk.plan;

import dev.pagewalk.InputException;
import dev.pagewalk.expr.Reads;
import dev.pagewalk.expr.Template;
import java.util.List;

/**
 * A loaded, validated and compiled spec: every template and expression compiled, every structural
 * rule checked. Immutable and thread-safe; one plan serves any number of concurrent runs. {@code
 * baseUrl} is the text as written; {@code baseUrlTemplate} (null without a baseUrl) is it compiled,
 * since a base URL may use {@code parameters} and {@code connection}, e.g. {@code
 * https://{{connection.subdomain}}.zendesk.com}; {@code auth} (null: none) is the compiled {@code
 * auth} block. Obtain one from {@link dev.pagewalk.Pagewalk#load}.
 *
 * <p>This record is the engine's view of a plan; embedders see it only as the opaque {@link
 * dev.pagewalk.Plan} it implements (this package is not exported by the module).
 */
public record Plan(
    String name,
    String title,
    String description,
    String fileName,
    ContentHash hash,
    String baseUrl,
    List<ParamDecl> parameters,
    List<ParamDecl> connection,
    Template headers,
    Limits limits,
    RetryPlan retry,
    List<RequestPlan> requests,
    AuditPlan audit,
    SyncPlan sync,
    RateLimitPlan rateLimit,
    NetworkPlan network,
    Template baseUrlTemplate,
    AuthPlan auth)
    implements dev.pagewalk.Plan {
  public Plan {
    rateLimit = rateLimit == null ? RateLimitPlan.NONE : rateLimit;
    network = network == null ? NetworkPlan.NONE : network;
    parameters = List.copyOf(parameters);
    connection = List.copyOf(connection);
    requests = List.copyOf(requests);
  }

  /** SHA-256 (hex) of the spec's source text: identifies the exact spec a run used. */
  @Override
  public String contentHash() {
    return hash.hex();
  }

  /** This plan under another name. */
  public Plan withName(String other) {
    return new Plan(
        other,
        title,
        description,
        fileName,
        hash,
        baseUrl,
        parameters,
        connection,
        headers,
        limits,
        retry,
        requests,
        audit,
        sync,
        rateLimit,
        network,
        baseUrlTemplate,
        auth);
  }

  /** This plan with other requests. */
  public Plan withRequests(List<RequestPlan> next) {
    return new Plan(
        name,
        title,
        description,
        fileName,
        hash,
        baseUrl,
        parameters,
        connection,
        headers,
        limits,
        retry,
        next,
        audit,
        sync,
        rateLimit,
        network,
        baseUrlTemplate,
        auth);
  }

  /**
   * The compiled plan behind an API plan.
   *
   * @throws InputException when the plan was not made by {@link dev.pagewalk.Pagewalk}
   */
  public static Plan of(dev.pagewalk.Plan plan) {
    if (plan instanceof Plan compiled) {
      return compiled;
    }
    if (plan instanceof Connector connector) {
      throw new InputException(
          connector.name()
              + " is a connector with the streams "
              + String.join(", ", connector.streamNames())
              + ": run it with Runner.runStreams");
    }
    throw new InputException(
        "not a plan loaded by Pagewalk.load or Pagewalk.parse: "
            + (plan == null ? "null" : plan.getClass().getName()));
  }

  @Override
  public List<String> parameterNames() {
    return parameters.stream().map(ParamDecl::name).toList();
  }

  @Override
  public List<String> connectionNames() {
    return connection.stream().map(ParamDecl::name).toList();
  }

  @Override
  public boolean pagesByPosition() {
    RequestPlan out = outputRequest();
    List<Template> sent = new java.util.ArrayList<>();
    java.util.Collections.addAll(sent, out.url(), out.qs(), out.headers(), out.body());
    if (out.pagination() != null) {
      PaginationPlan p = out.pagination();
      java.util.Collections.addAll(sent, p.url(), p.qs(), p.headers(), p.body());
    }
    java.util.Set<List<String>> read = Reads.of(sent).paths("pagination");
    return read.contains(List.of())
        || read.contains(List.of("offset"))
        || read.contains(List.of("page"));
  }

  /** Whether the output request declares {@code response.key} (reconciliation needs it). */
  public boolean declaresKey() {
    return outputRequest().response().key() != null;
  }

  /** The request whose records are the output (the last of a chain). */
  public RequestPlan outputRequest() {
    return requests.get(requests.size() - 1);
  }
}
