package io.ludo.server;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.game.GameDirectoryVerticle;
import io.ludo.server.http.AdminVerticle;
import io.ludo.server.http.HttpVerticle;
import io.ludo.server.infra.Metrics;
import io.ludo.server.play.PlayVerticle;
import io.ludo.server.store.PersistenceVerticle;
import io.ludo.server.ws.SocketLoops;
import io.ludo.server.ws.WebSocketVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Composes a node: persistence (schema first), the game directory, the node's entry in the
 * cluster, the WebSocket verticles (one per event loop), the HTTP server, the operators' admin server, then the play
 * services' background work (matcher, leaderboard). {@link #shutdown()} stops them in an order of its own.
 */
public final class MainVerticle extends VerticleBase {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainVerticle.class);

  /** A part of the node, by the order in which {@link #shutdown()} stops it. */
  private record Part(String name, String deploymentId, int stopRank) {}

  private final Config config;
  private final List<Part> parts = new ArrayList<>();
  /** Set first on shutdown: readiness answers 503 and the doors refuse commands. */
  private final AtomicBoolean stopping = new AtomicBoolean();
  private io.micrometer.core.instrument.binder.jvm.JvmGcMetrics gcMetrics;

  public MainVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    io.ludo.server.bus.Codecs.register(vertx.eventBus());
    String nodeId = config.string(ConfigKey.NODE_ID);
    NodeStats stats = new NodeStats(Metrics.registry(nodeId));
    SocketLoops sockets = new SocketLoops(stats);
    gcMetrics = Metrics.gc(stats.registry());
    return deploy("persistence", 5, vertx.deployVerticle(new PersistenceVerticle(config, stats)))
        .compose(v -> deploy("games", 3, vertx.deployVerticle(new GameDirectoryVerticle(config, nodeId, stats))))
        .compose(v -> deploy("cluster entry", 2, vertx.deployVerticle(new ClusterVerticle(config, stats))))
        // one WebSocket verticle per event loop, before the HTTP verticles that hand them their sockets
        .compose(v -> deploy("websockets", 1, vertx.deployVerticle(() -> new WebSocketVerticle(sockets, stats),
            new DeploymentOptions().setInstances(SocketLoops.eventLoops(vertx)))))
        // by default as many as there are loops: sockets stay on the loop that accepted them, so with
        // fewer, some loops' WebSocket verticles would get none and the others carry every socket
        .compose(v -> deploy("http", 1, vertx.deployVerticle(() -> new HttpVerticle(config, nodeId, stats, sockets, stopping::get),
            new DeploymentOptions().setInstances(httpInstances()))))
        .compose(v -> config.integer(ConfigKey.ADMIN_PORT) == 0 ? Future.succeededFuture()
            : deploy("admin", 1, vertx.deployVerticle(new AdminVerticle(config))))
        .compose(v -> deploy("play", 4, vertx.deployVerticle(new PlayVerticle(config))));
  }

  private int httpInstances() {
    int configured = config.integer(ConfigKey.HTTP_INSTANCES);
    return configured > 0 ? configured : SocketLoops.eventLoops(vertx);
  }

  /**
   * Stops the node's parts one after the other: readiness goes false and the doors refuse
   * commands; HTTP stops accepting and closes its sockets; the node leaves the list of live
   * nodes; rooms finish their commands in flight and hand off (in parallel); the play services
   * stop; persistence flushes and closes its pool. Vert.x 5 undeploys a verticle's children all
   * at once, before its own {@code stop()}: too late to order them, hence this step first.
   */
  public Future<Void> shutdown() {
    stopping.set(true);
    Future<Void> chain = Future.succeededFuture();
    for (Part part : parts.stream().sorted(java.util.Comparator.comparingInt(Part::stopRank)).toList()) {
      chain = chain.compose(v -> undeploy(part));
    }
    return chain;
  }

  @Override
  public Future<?> stop() {
    if (gcMetrics != null) {
      gcMetrics.close();
    }
    Metrics.release(config.string(ConfigKey.NODE_ID));
    return Future.succeededFuture();
  }

  private Future<Void> undeploy(Part part) {
    long started = System.nanoTime();
    // a part that fails to stop must not keep the next ones (persistence above all) from stopping
    return vertx.undeploy(part.deploymentId())
        .onSuccess(v -> LOG.info("stopped " + part.name() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms"))
        .recover(e -> {
          LOG.warn(part.name() + " did not stop cleanly: " + e);
          return Future.succeededFuture();
        });
  }

  private Future<String> deploy(String name, int stopRank, Future<String> deployed) {
    return deployed.onSuccess(id -> parts.add(new Part(name, id, stopRank)));
  }
}
