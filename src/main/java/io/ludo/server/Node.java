package io.ludo.server;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.fairness.SigningKeys;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;

/** One server node: resolves its settings and services, then runs a {@link MainVerticle}. */
public final class Node {
  private static final Logger LOG = Logger.getLogger(Node.class.getName());

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
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      c = c.with(ConfigKey.JWT_KEY, Base64.getEncoder().encodeToString(key));
      LOG.warning("LUDO_JWT_KEY is not set: using a generated development key; seat tokens will not survive a restart"
          + " nor work across nodes. Set LUDO_JWT_KEY in production.");
    }
    if (!c.isSet(ConfigKey.DB_URL)) {
      c = c.with(ConfigKey.DB_URL, services.startPostgres(Path.of(c.string(ConfigKey.DATA_DIR)),
          c.integer(ConfigKey.EMBEDDED_DB_PORT)));
      LOG.info("LUDO_DB_URL is not set: started an embedded Postgres at " + c.string(ConfigKey.DB_URL));
    }
    if (!c.isSet(ConfigKey.REDIS_URL)) {
      c = c.with(ConfigKey.REDIS_URL, services.startRedis(c.integer(ConfigKey.EMBEDDED_REDIS_PORT)));
      LOG.info("LUDO_REDIS_URL is not set: started an embedded Redis at " + c.string(ConfigKey.REDIS_URL));
    }
    if (SigningKeys.from(c).isDevelopment()) {
      LOG.warning("LUDO_SIGNING_KEYS is not set: game certificates are signed with a development key derived from"
          + " the JWT key. Set LUDO_SIGNING_KEYS in production.");
    }
    if (c.isSet(ConfigKey.TEST_DICE)) {
      LOG.warning("LUDO_TEST_DICE is set: dice are repeatable. Never do this in production.");
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
}
