package io.ludo.cli;

import io.ludo.server.Node;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.Clustering;
import io.ludo.server.infra.EmbeddedServices;
import io.ludo.server.infra.Metrics;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** {@code java -jar ludo-server.jar node}: runs one node until SIGTERM, then shuts down gracefully. */
final class NodeCommand {
  private static final Logger LOG = Logger.getLogger(NodeCommand.class.getName());

  private NodeCommand() {}

  static void run() throws Exception {
    Config loaded = Settings.loadOrExit();
    EmbeddedServices services = new EmbeddedServices();
    Config config = Node.resolve(loaded, services);
    Vertx vertx = config.bool(ConfigKey.CLUSTERED)
        ? Clustering.start(config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS)
        : Metrics.builder(Node.vertxOptions(config), config.string(ConfigKey.NODE_ID)).build();
    Node node;
    try {
      node = Node.start(vertx, config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      // a node that cannot start must say so and exit, not linger half-started
      LOG.severe("the node did not start: " + e);
      Runtime.getRuntime().halt(1);
      return;
    }
    LOG.info("node " + config.string(ConfigKey.NODE_ID) + " listening on port " + node.httpPort());
    if (!loaded.isSet(ConfigKey.JWT_KEY)) {
      node.warnIfClusteredWithOwnKey();
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.stop().eventually(vertx::close).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warning("shutdown did not complete cleanly: " + e);
      } finally {
        try {
          services.close();
        } catch (Exception e) {
          LOG.warning("embedded services did not stop cleanly: " + e);
        }
        stopped.countDown();
      }
    }, "ludo-shutdown"));
    stopped.await();
  }
}
