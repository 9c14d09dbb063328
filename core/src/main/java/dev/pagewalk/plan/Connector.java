package dev.pagewalk.plan;

import dev.pagewalk.InputException;
import java.util.List;

/**
 * A loaded connector: its streams in declaration order, parents before their children, and how many
 * walks it runs at once. A spec with a top-level {@code request}/{@code requests} is a connector
 * with one stream named after the spec ({@link #of}). Immutable and thread-safe.
 *
 * <p>As a {@link dev.pagewalk.Plan} it names the spec; its shared inputs are those of every stream.
 */
public record Connector(Plan shared, List<StreamPlan> streams, int concurrency)
    implements dev.pagewalk.Plan {
  public Connector {
    streams = List.copyOf(streams);
  }

  /**
   * The connector behind an API plan: a loaded connector, or a one-stream connector around a plan.
   *
   * @throws InputException when the plan was not made by {@link dev.pagewalk.Pagewalk}
   */
  public static Connector of(dev.pagewalk.Plan plan) {
    if (plan instanceof Connector connector) {
      return connector;
    }
    Plan one = Plan.of(plan);
    return new Connector(one, List.of(new StreamPlan(one.name(), one, null, null)), 1);
  }

  /** The stream called {@code name}; null when there is none. */
  public StreamPlan stream(String name) {
    return streams.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  @Override
  public String name() {
    return shared.name();
  }

  @Override
  public String title() {
    return shared.title();
  }

  @Override
  public String fileName() {
    return shared.fileName();
  }

  @Override
  public String contentHash() {
    return shared.contentHash();
  }

  @Override
  public List<String> parameterNames() {
    return shared.parameterNames();
  }

  @Override
  public List<String> connectionNames() {
    return shared.connectionNames();
  }

  /** Whether any stream pages by position (see {@link dev.pagewalk.Plan#pagesByPosition}). */
  @Override
  public boolean pagesByPosition() {
    return streams.stream().anyMatch(s -> s.plan().pagesByPosition());
  }

  @Override
  public List<String> streamNames() {
    return streams.stream().map(StreamPlan::name).toList();
  }
}
