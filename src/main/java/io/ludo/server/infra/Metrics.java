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
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.List;

/**
 * A node's Prometheus registry, served at {@code GET /metrics}: Vert.x's own meters (event bus,
 * HTTP server, pools) when the Vert.x instance was built by {@link #builder}, the JVM's (CPU,
 * heap, GC, threads) and the node's own ({@link io.ludo.server.NodeStats}). Each node's registry
 * is named after the node, so that several nodes in one JVM (tests) keep theirs apart.
 */
public final class Metrics {
  private Metrics() {}

  /** Vert.x's default labels and the event-bus address (bounded by the folds below). */
  private static final java.util.Set<Label> LABELS = java.util.Set.of(Label.HTTP_METHOD, Label.HTTP_CODE,
      Label.POOL_TYPE, Label.POOL_NAME, Label.EB_SIDE, Label.EB_ADDRESS);

  /** The name of a node's registry among Vert.x's backend registries. */
  public static String registryName(String nodeId) {
    return "ludo-" + nodeId;
  }

  /**
   * A Vert.x builder whose instance records its metrics into the node's registry. Per-game and
   * per-ticket event-bus addresses are folded into one label value each, so that the number of series does
   * not grow with the number of games or tickets.
   */
  public static VertxBuilder builder(VertxOptions options, String nodeId) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName(registryName(nodeId))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setLabels(LABELS)
        .setLabelMatches(List.of(
            fold("ludo\\.game\\..+\\.commands", "ludo.game.*.commands"),
            fold("ludo\\.game\\..+\\.events", "ludo.game.*.events"),
            fold("ludo\\.node\\..+\\.directory", "ludo.node.*.directory"),
            fold("ludo\\.matchmaking\\.ticket\\..+", "ludo.matchmaking.ticket.*"),
            fold("__vertx\\.reply\\..*", "__vertx.reply.*")));
    return Vertx.builder().with(options.setMetricsOptions(metrics)).withMetrics(new MicrometerMetricsFactory());
  }

  private static Match fold(String regex, String alias) {
    return new Match().setDomain(MetricsDomain.EVENT_BUS).setLabel(Label.EB_ADDRESS.toString())
        .setType(MatchType.REGEX).setValue(regex).setAlias(alias);
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
