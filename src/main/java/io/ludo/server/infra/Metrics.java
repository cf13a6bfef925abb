package io.ludo.server.infra;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * A node's Prometheus registry, served at {@code GET /metrics}: Vert.x's own meters (event bus,
 * HTTP server, pools) when the Vert.x instance was built by {@link #builder}, the JVM's (CPU,
 * heap, GC, threads) and the node's own ({@link io.ludo.server.NodeStats}). Each node's registry
 * is named after the node, so that several nodes in one JVM (tests) keep theirs apart.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * Vert.x's default labels, without the event-bus address: a game's and a ticket's addresses are
   * their own, and every message to a new address cost a meter lookup through regular expressions
   * (folding it into one series per kind): 18 % of a loaded node's CPU, and a cache entry per game
   * ever played. The node's own meters ({@code ludo_commands_total} and the rest) say what the rooms do.
   */
  private static final java.util.Set<Label> LABELS = java.util.Set.of(Label.HTTP_METHOD, Label.HTTP_CODE,
      Label.POOL_TYPE, Label.POOL_NAME, Label.EB_SIDE);

  /** The name of a node's registry among Vert.x's backend registries. */
  public static String registryName(String nodeId) {
    return "ludo-" + nodeId;
  }

  /**
   * A Vert.x builder whose instance records its metrics into the node's registry. The event bus's
   * meters carry no address, so that the number of series does not grow with the number of games
   * or tickets, and a message costs no lookup by its address.
   */
  public static VertxBuilder builder(VertxOptions options, String nodeId) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName(registryName(nodeId))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setLabels(LABELS);
    return Vertx.builder().with(options.setMetricsOptions(metrics)).withMetrics(new MicrometerMetricsFactory());
  }

  /**
   * The node's registry: Vert.x's when the instance was built by {@link #builder}, otherwise
   * (an embedded Vert.x, as in tests) a new Prometheus registry under the same name. Either way
   * the JVM's meters are bound to it.
   */
  public static MeterRegistry registry(String nodeId) {
    String name = registryName(nodeId);
    MeterRegistry registry = BackendRegistries.getNow(name);
    if (registry == null) {
      registry = BackendRegistries.setupBackend(new MicrometerMetricsOptions().setRegistryName(name)
          .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)), null).getMeterRegistry();
    }
    new ProcessorMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    return registry;
  }

  /** Binds the JVM's GC meters; the returned binder must be closed when the node stops. */
  public static JvmGcMetrics gc(MeterRegistry registry) {
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc;
  }

  /** Forgets a node's registry once the node stopped (a no-op if Vert.x already did). */
  public static void release(String nodeId) {
    BackendRegistries.stop(registryName(nodeId));
  }

  /** {@code GET /metrics}: the node's registry in the Prometheus text format. */
  public static Handler<RoutingContext> scrape(String nodeId) {
    return PrometheusScrapingHandler.create(registryName(nodeId));
  }
}
