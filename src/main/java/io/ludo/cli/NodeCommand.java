package io.ludo.cli;

import io.ludo.server.Node;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.Clustering;
import io.ludo.server.infra.EmbeddedServices;
import io.ludo.server.infra.Metrics;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code java -jar ludo-server.jar node}: runs one node until SIGTERM, then shuts down gracefully. */
final class NodeCommand {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NodeCommand.class);

  /** Longest the ordered stop may take before the node exits anyway (with status 1). */
  private static final long STOP_BOUND_S = 30;

  private NodeCommand() {}

  static void run() throws Exception {
    EmbeddedServices services = new EmbeddedServices();
    Config loaded = Settings.loadOrExit();
    Config config = Node.resolve(loaded, services);
    Vertx vertx = config.bool(ConfigKey.CLUSTERED)
        ? Clustering.start(config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS)
        : Metrics.builder(Node.vertxOptions(config), config.string(ConfigKey.NODE_ID)).build();
    Node node;
    try {
      node = Node.start(vertx, config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      // a node that cannot start must say so and exit, not linger half-started
      LOG.error("the node did not start: " + e);
      Runtime.getRuntime().halt(1);
      return;
    }
    // SIGTERM/SIGINT are handled rather than left to the JVM's shutdown: a JVM that a signal
    // takes down exits 143 whatever its hooks do (short of halt(), which would skip the other
    // hooks and hide a stop that went wrong), and it stops with its threads already going away.
    // Handled, the ordered stop runs with everything alive and the status says how it went.
    CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
    SignalHandler stop = signal -> {
      if (once.compareAndSet(false, true)) {
        exitStatus.completeAsync(() -> stop(node, services));
      }
    };
    Signal.handle(new Signal("TERM"), stop);
    Signal.handle(new Signal("INT"), stop);
    // said only once a signal would be handled: a supervisor (or a test) may stop the node the
    // moment it reads this line
    LOG.info("node " + config.string(ConfigKey.NODE_ID) + " listening on port " + node.httpPort());
    if (!loaded.isSet(ConfigKey.JWT_KEY)) {
      node.warnIfClusteredWithOwnKey();
    }
    System.exit(exitStatus.get());
  }

  /** The node's ordered stop, Vert.x closed (the cluster left), then the embedded services: 0 if all went well. */
  private static int stop(Node node, EmbeddedServices services) {
    long started = System.nanoTime();
    int status = 0;
    try {
      node.shutdown().toCompletionStage().toCompletableFuture().get(STOP_BOUND_S, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("shutdown did not complete cleanly: " + e);
      status = 1;
    }
    try {
      services.close();
    } catch (Exception e) {
      LOG.warn("embedded services did not stop cleanly: " + e);
      status = 1;
    }
    LOG.info("node stopped in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    return status;
  }
}
