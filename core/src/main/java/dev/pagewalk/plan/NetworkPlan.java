package dev.pagewalk.plan;

import java.util.List;

/**
 * Which hosts a run may reach ({@code network: {allowHosts, denyPrivateAddresses}}); enforced by
 * the transport on every hop. An empty {@code allowHosts} allows any host.
 */
public record NetworkPlan(List<String> allowHosts, boolean denyPrivateAddresses) {
  public static final NetworkPlan NONE = new NetworkPlan(List.of(), false);

  public NetworkPlan {
    allowHosts = List.copyOf(allowHosts);
  }
}
