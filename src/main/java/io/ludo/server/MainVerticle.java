package io.ludo.server;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.game.GameDirectoryVerticle;
import io.ludo.server.http.AdminVerticle;
import io.ludo.server.http.HttpVerticle;
import io.ludo.server.infra.Metrics;
import io.ludo.server.play.PlayVerticle;
import io.ludo.server.store.PersistenceVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes a node: persistence (schema first), the game directory, the node's entry in the
 * cluster, the HTTP server (with its socket hub), the operators' admin server, then the play services' background work (matcher, leaderboard). Stops in the reverse order, so that no request arrives once games are draining,
 * and no game drains once persistence is gone.
 */
public final class MainVerticle extends VerticleBase {
  private final Config config;
  private final List<String> deployed = new ArrayList<>();
  private io.micrometer.core.instrument.binder.jvm.JvmGcMetrics gcMetrics;

  public MainVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    String nodeId = config.string(ConfigKey.NODE_ID);
    NodeStats stats = new NodeStats(Metrics.registry(nodeId));
    gcMetrics = Metrics.gc(stats.registry());
    return deploy(new PersistenceVerticle(config, stats))
        .compose(v -> deploy(new GameDirectoryVerticle(config, nodeId, stats)))
        .compose(v -> deploy(new ClusterVerticle(config, stats)))
        .compose(v -> vertx.deployVerticle(() -> new HttpVerticle(config, nodeId, stats),
            new DeploymentOptions().setInstances(config.integer(ConfigKey.HTTP_INSTANCES))))
        .onSuccess(deployed::add)
        .compose(v -> config.integer(ConfigKey.ADMIN_PORT) == 0 ? Future.succeededFuture()
            : deploy(new AdminVerticle(config)))
        .compose(v -> deploy(new PlayVerticle(config)));
  }

  @Override
  public Future<?> stop() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployed.size() - 1; i >= 0; i--) {
      String id = deployed.get(i);
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain.eventually(() -> {
      if (gcMetrics != null) {
        gcMetrics.close();
      }
      Metrics.release(config.string(ConfigKey.NODE_ID));
      return Future.succeededFuture();
    });
  }

  private Future<String> deploy(VerticleBase verticle) {
    return vertx.deployVerticle(verticle).onSuccess(deployed::add);
  }
}
