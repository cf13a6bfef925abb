package io.ludo.server;

import io.ludo.server.auth.SeatTokens;
import io.ludo.server.auth.StoredJwtKey;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigException;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.fairness.SigningKeys;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** One server node: resolves its settings and services, then runs a {@link MainVerticle}. */
public final class Node {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Node.class);

  private final Vertx vertx;
  private final Config config;
  private final MainVerticle main;
  private final String deploymentId;

  private Node(Vertx vertx, Config config, MainVerticle main, String deploymentId) {
    this.vertx = vertx;
    this.config = config;
    this.main = main;
    this.deploymentId = deploymentId;
  }

  /**
   * Fills what the configuration leaves open: a node id, a development JWT key, and embedded
   * Postgres and Redis (started into {@code services}). Blocking: call before Vert.x starts.
   */
  public static Config resolve(Config config, EmbeddedServices services) throws java.io.IOException {
    Config c = config;
    if (!c.isSet(ConfigKey.NODE_ID)) {
      byte[] b = new byte[4];
      new SecureRandom().nextBytes(b);
      c = c.with(ConfigKey.NODE_ID, "node-" + HexFormat.of().formatHex(b));
    }
    if (!c.isSet(ConfigKey.JWT_KEY)) {
      Path dataDir = Path.of(c.string(ConfigKey.DATA_DIR));
      c = c.with(ConfigKey.JWT_KEY, StoredJwtKey.loadOrCreate(dataDir));
      LOG.warn("LUDO_JWT_KEY is not set: seat tokens are signed with the key generated for this node and kept in "
          + StoredJwtKey.file(dataDir) + "; other nodes will not accept them. Set LUDO_JWT_KEY for a cluster.");
    }
    String keyProblem = SeatTokens.keyProblem(c.string(ConfigKey.JWT_KEY));
    if (keyProblem != null) {
      throw new ConfigException(ConfigKey.JWT_KEY.env() + " " + keyProblem);
    }
    if (!c.isSet(ConfigKey.DB_URL)) {
      c = c.with(ConfigKey.DB_URL, services.startPostgres(Path.of(c.string(ConfigKey.DATA_DIR)),
          c.integer(ConfigKey.EMBEDDED_DB_PORT)));
      LOG.info("LUDO_DB_URL is not set: started an embedded Postgres at " + c.string(ConfigKey.DB_URL));
    }
    if (!c.isSet(ConfigKey.REDIS_URL)) {
      c = c.with(ConfigKey.REDIS_URL, services.startRedis(Path.of(c.string(ConfigKey.DATA_DIR)),
          c.integer(ConfigKey.EMBEDDED_REDIS_PORT)));
      LOG.info("LUDO_REDIS_URL is not set: started an embedded Redis at " + c.string(ConfigKey.REDIS_URL));
    }
    if (SigningKeys.from(c).isDevelopment()) {
      LOG.warn("LUDO_SIGNING_KEYS is not set: game certificates are signed with a development key derived from"
          + " the JWT key. Set LUDO_SIGNING_KEYS in production.");
    }
    if (c.isSet(ConfigKey.TEST_DICE)) {
      LOG.warn("LUDO_TEST_DICE is set: dice are repeatable. Never do this in production.");
    }
    return c;
  }

  /**
   * The Vert.x settings of a node: its event loops ({@code LUDO_EVENT_LOOPS}; 0: one per core, not
   * Vert.x's two per core: a command crosses event loops several times, and on 2 cores 4 loops
   * served 25 % fewer actions/s than 2, docs/BENCHMARKS.md).
   */
  public static io.vertx.core.VertxOptions vertxOptions(Config config) {
    int loops = config.integer(ConfigKey.EVENT_LOOPS);
    return new io.vertx.core.VertxOptions()
        .setEventLoopPoolSize(loops > 0 ? loops : Runtime.getRuntime().availableProcessors());
  }

  /**
   * A node running on a key generated for itself (no LUDO_JWT_KEY) that finds other nodes in its
   * cluster says so loudly: a token it issues is refused by every other node, and theirs by it.
   */
  public void warnIfClusteredWithOwnKey() {
    ClusterVerticle.list(vertx).onSuccess(list -> {
      int nodes = list.getJsonArray("nodes").size();
      if (nodes > 1) {
        LOG.error("this node joined a cluster of " + nodes + " nodes with a generated seat-token key: seat tokens"
            + " will be refused by the other nodes. Give every node the same LUDO_JWT_KEY.");
      }
    });
  }

  /** Starts a node on {@code vertx} with a resolved configuration. */
  public static Future<Node> start(Vertx vertx, Config resolved) {
    MainVerticle main = new MainVerticle(resolved);
    return vertx.deployVerticle(main).map(id -> new Node(vertx, resolved, main, id));
  }

  /** Stops accepting, finishes in-flight commands, hands the rooms off, flushes persistence: in that order. */
  public Future<Void> stop() {
    return main.shutdown().eventually(() -> vertx.undeploy(deploymentId));
  }

  /** {@link #stop()}, then closes Vert.x: a clustered node leaves the cluster last. */
  public Future<Void> shutdown() {
    return stop().eventually(vertx::close);
  }

  public Vertx vertx() {
    return vertx;
  }

  public Config config() {
    return config;
  }

  public int httpPort() {
    return config.integer(ConfigKey.HTTP_PORT);
  }

  /** The operators' port ({@code /metrics}, {@code /cluster/nodes}); 0 when not served. */
  public int adminPort() {
    return config.integer(ConfigKey.ADMIN_PORT);
  }
}
