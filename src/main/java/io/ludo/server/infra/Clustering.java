package io.ludo.server.infra;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A clustered Vert.x on Hazelcast. Members are found by a TCP-IP list (loopback runs, tests,
 * local-cluster.sh) or by multicast (a docker compose network, where nodes come and go with
 * {@code --scale}). Failure detection is tuned for games: a member silent for 3 s is gone.
 */
public final class Clustering {
  /**
   * Seconds without a heartbeat before a member is declared dead (Hazelcast's default is 60). A
   * false alarm under load costs only a takeover: Postgres epochs keep the old owner from writing.
   */
  static final int MAX_NO_HEARTBEAT_S = 3;
  /** How soon a member alone (after a pause or a partition) looks for the rest of its cluster, and again after. */
  static final int MERGE_DELAY_S = 5;

  static {
    // before Hazelcast's first class logs anything (its factory logs before any config is read)
    System.setProperty("hazelcast.logging.type", "slf4j");
  }

  private Clustering() {}

  public static com.hazelcast.config.Config hazelcast(Config config) {
    com.hazelcast.config.Config hz = ConfigUtil.loadConfig();
    hz.setClusterName("ludo");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_S));
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.shutdownhook.enabled", "false");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    // a member that was cut off or frozen and declared dead forms a cluster of its own: look for
    // the others again within seconds, not Hazelcast's 300 s (its rooms stopped already: Postgres
    // epochs fence them, and a pause makes them check before deciding anything)
    hz.setProperty("hazelcast.merge.first.run.delay.seconds", String.valueOf(MERGE_DELAY_S));
    hz.setProperty("hazelcast.merge.next.run.delay.seconds", String.valueOf(MERGE_DELAY_S));
    String host = host(config);
    hz.setProperty("hazelcast.local.localAddress", host);
    NetworkConfig net = hz.getNetworkConfig();
    net.setPort(config.integer(ConfigKey.CLUSTER_PORT)).setPortAutoIncrement(true).setPortCount(100);
    JoinConfig join = net.getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    if ("multicast".equals(config.string(ConfigKey.CLUSTER_DISCOVERY))) {
      join.getTcpIpConfig().setEnabled(false);
      join.getMulticastConfig().setEnabled(true);
    } else {
      join.getMulticastConfig().setEnabled(false);
      var tcp = join.getTcpIpConfig().setEnabled(true);
      var members = config.list(ConfigKey.CLUSTER_MEMBERS);
      if (members.isEmpty()) {
        tcp.addMember(host);
      } else {
        members.forEach(m -> tcp.addMember(String.valueOf(m)));
      }
    }
    return hz;
  }

  /** The cluster host; {@code auto} is this machine's address (a container's, under compose). */
  static String host(Config config) {
    String host = config.string(ConfigKey.CLUSTER_HOST);
    if (!"auto".equals(host)) {
      return host;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("cannot resolve this host's address for LUDO_CLUSTER_HOST=auto", e);
    }
  }

  /**
   * A clustered Vert.x joined to the others; its event bus listens on the cluster host, and its
   * metrics go to the node's registry ({@link Metrics}).
   */
  public static Future<Vertx> start(Config config) {
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(config));
    String host = host(config);
    return Metrics.builder(io.ludo.server.Node.vertxOptions(config).setEventBusOptions(new EventBusOptions().setHost(host).setClusterPublicHost(host)),
            config.string(ConfigKey.NODE_ID))
        .withClusterManager(manager)
        .buildClustered();
  }
}
