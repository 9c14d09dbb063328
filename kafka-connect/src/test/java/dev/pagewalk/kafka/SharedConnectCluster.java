package dev.pagewalk.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Connect cluster from Kafka's own test kit for every test class of the run that uses it: an
 * in-JVM KRaft broker and two distributed workers with exactly-once source support, started by the
 * first class and stopped when the whole run ends. Each class keeps to its own connectors and
 * topics.
 */
final class SharedConnectCluster implements BeforeAllCallback {
  private static EmbeddedConnectCluster cluster;

  /** The cluster; started by the extension before the first class that uses it. */
  static synchronized EmbeddedConnectCluster get() {
    if (cluster == null) {
      throw new IllegalStateException("use @ExtendWith(SharedConnectCluster.class)");
    }
    return cluster;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedConnectCluster.class, k -> new Running(), Running.class);
  }

  /** The started cluster, stopped by JUnit when the run's root context closes. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    Running() {
      synchronized (SharedConnectCluster.class) {
        cluster = start();
      }
    }

    @Override
    public void close() {
      synchronized (SharedConnectCluster.class) {
        cluster.stop();
        cluster = null;
      }
    }
  }

  private static EmbeddedConnectCluster start() {
    Map<String, String> worker = new HashMap<>();
    worker.put("exactly.once.source.support", "enabled");
    // survivors of a departed worker take over its tasks after 1 s instead of 5 minutes
    worker.put("scheduled.rebalance.max.delay.ms", "1000");
    worker.put("offset.flush.interval.ms", "1000");
    // plugins from their service manifests, not a reflective scan of the whole test class path
    worker.put("plugin.discovery", "service_load");
    Properties broker = new Properties();
    broker.put("transaction.state.log.replication.factor", "1");
    broker.put("transaction.state.log.min.isr", "1");
    EmbeddedConnectCluster connect =
        new EmbeddedConnectCluster.Builder()
            .name("pagewalk-connect")
            .numWorkers(2)
            .numBrokers(1)
            .workerProps(worker)
            .brokerProps(broker)
            .build();
    connect.start();
    return connect;
  }
}
