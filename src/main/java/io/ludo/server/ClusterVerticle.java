package io.ludo.server;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.ludo.server.bus.Addresses;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps this node in the cluster's list of live nodes: an entry that expires unless refreshed,
 * so a node that dies drops out within {@link #TTL_MS}. Tells this node's rooms
 * ({@link Addresses#NODES_CHANGED}) when another node drops out, so that they forget its sockets,
 * and when one of those comes back (it was cut off or frozen), so that they count its sockets again.
 */
public final class ClusterVerticle extends VerticleBase {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterVerticle.class);
  public static final String NODES_MAP = "ludo.nodes";
  private static final long REFRESH_MS = 2_000;
  private static final long TTL_MS = 6_000;
  /** A node gone longer than this is not expected back (a node frozen that long is restarted). */
  private static final long GONE_FOR_GOOD_MS = 3_600_000;

  private final Config config;
  private final NodeStats stats;
  private long timer;
  /** The other nodes live at the last refresh. */
  private Set<String> others = Set.of();
  /**
   * The nodes that dropped out of the live nodes, by when (ms): a cut-off or frozen node comes
   * back. Forgotten after {@link #GONE_FOR_GOOD_MS}, so that the dead do not pile up here.
   */
  private final Map<String, Long> gone = new HashMap<>();

  public ClusterVerticle(Config config, NodeStats stats) {
    this.config = config;
    this.stats = stats;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(REFRESH_MS, id -> announce().compose(v -> noticeDepartures())
        .onFailure(e -> LOG.debug("cluster entry not refreshed: " + e)));
    return announce().compose(v -> noticeDepartures());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return nodes(vertx).compose(map -> map.remove(config.string(ConfigKey.NODE_ID))).recover(e -> Future.succeededFuture());
  }

  private Future<Void> announce() {
    JsonObject self = new JsonObject()
        .put("id", config.string(ConfigKey.NODE_ID))
        .put("http_port", config.integer(ConfigKey.HTTP_PORT))
        .put("games", stats.games())
        .put("validator_fail_open", stats.validatorFailOpen());
    return nodes(vertx).compose(map -> map.put(self.getString("id"), self, TTL_MS));
  }

  private Future<Void> noticeDepartures() {
    String self = config.string(ConfigKey.NODE_ID);
    return nodes(vertx).compose(AsyncMap::keys).map(live -> {
      Set<String> now = new HashSet<>(live);
      now.remove(self);
      for (String node : others) {
        if (!now.contains(node)) {
          gone.put(node, System.currentTimeMillis());
          changed(node, "left");
        }
      }
      for (String node : now) {
        if (gone.remove(node) != null) {
          changed(node, "returned");
        }
      }
      long forgetBefore = System.currentTimeMillis() - GONE_FOR_GOOD_MS;
      gone.values().removeIf(at -> at < forgetBefore);
      others = now;
      return null;
    });
  }

  private void changed(String node, String change) {
    vertx.eventBus().publish(Addresses.NODES_CHANGED, new JsonObject().put("node", node).put("change", change),
        new DeliveryOptions().setLocalOnly(true));
  }

  static Future<AsyncMap<String, JsonObject>> nodes(io.vertx.core.Vertx vertx) {
    return vertx.sharedData().getAsyncMap(NODES_MAP);
  }

  /** {@code {"nodes":[{"id","http_port","games","validator_fail_open"}, …]}}, by id. */
  public static Future<JsonObject> list(io.vertx.core.Vertx vertx) {
    return nodes(vertx).compose(AsyncMap::values).map(values -> new JsonObject().put("nodes",
        new JsonArray(values.stream().sorted(Comparator.comparing(n -> n.getString("id"))).toList())));
  }
}
