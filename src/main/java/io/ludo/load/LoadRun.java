package io.ludo.load;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A measured run: {@code games} games kept going for the warm-up, then measured for
 * {@code seconds}; then, when an echo server is given, the same against it, and every figure as
 * a ratio to it. Orchestrated from the calling thread (a CLI's main thread, never an event
 * loop), which sleeps between readings.
 */
public final class LoadRun {
  /** A typical ack's length, for an echo run without a real run before it. */
  private static final int DEFAULT_FRAME_BYTES = 400;

  private final Vertx vertx;
  private final LoadOptions options;

  public LoadRun(Vertx vertx, LoadOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  /** The real run, and the echo run with the ratios when an echo URL is set. */
  public JsonObject run(int games) throws Exception {
    JsonObject real = measure(games, options.urls(), (nodes, stats, random, serial, ended) ->
        new GamePlayer(nodes, stats, random, serial % nodes.count(), "load-" + serial, ended), options.adminUrls());
    JsonObject result = new JsonObject()
        .put("label", options.label())
        .put("date", Instant.now().toString())
        .put("games", games)
        .put("seconds", options.seconds())
        .put("warmup_seconds", options.warmupSeconds())
        .put("urls", new JsonArray(options.urls()))
        .put("spread", options.urls().size() == 1 ? "one node" : options.crossNodes() ? "cross" : "owner")
        .put("generator_threads", options.threads())
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("server", real);
    if (options.echoUrl() != null) {
      long actions = real.getLong("actions");
      int frameBytes = actions == 0 ? DEFAULT_FRAME_BYTES : (int) (real.getLong("ack_bytes") / actions);
      JsonObject echo = measure(games, List.of(options.echoUrl()),
          (nodes, stats, random, serial, ended) -> new EchoPlayer(nodes, stats, frameBytes, ended), List.of());
      echo.put("frame_bytes", frameBytes);
      result.put("echo", echo).put("ratio_to_echo", ratios(real, echo));
      if (options.floor() != LoadOptions.Floor.OFF) {
        result.put("floor", floor(games, real, frameBytes));
      }
    }
    return result;
  }

  /**
   * The real run's socket traffic alone, on the echo server's fan-out: per action one frame in,
   * the ack and as many event frames per socket as the real run counted, at the real run's rate
   * (paced) or as fast as it goes (saturated, where a busy server wakes less often per message).
   * Its CPU per action is what a Vert.x server spends on sockets alone, below which no node can go.
   */
  private JsonObject floor(int games, JsonObject real, int frameBytes) throws Exception {
    long actions = real.getLong("actions");
    double eventsPerSocket = actions == 0 ? 1 : real.getLong("event_frames") / (double) actions / GamePlayer.SEATS;
    double rate = real.getDouble("actions_per_s");
    long intervalNanos = rate == 0 || options.floor() == LoadOptions.Floor.SATURATED ? 0 : (long) (games / rate * 1e9);
    JsonObject floor = measure(games, List.of(options.echoUrl()), (nodes, stats, random, serial, ended) ->
        new FanoutPlayer(nodes, stats, Long.toHexString(random.nextLong()), frameBytes, eventsPerSocket, intervalNanos,
            ended), List.of(options.echoUrl()));
    return floor.put("pace", options.floor().name().toLowerCase(Locale.ROOT))
        .put("frame_bytes", frameBytes)
        .put("event_frames_per_socket_per_action", round(eventsPerSocket, 3));
  }

  private static JsonObject ratios(JsonObject real, JsonObject echo) {
    JsonObject r = new JsonObject();
    r.put("actions_per_s", ratio(real.getDouble("actions_per_s"), echo.getDouble("actions_per_s")));
    JsonObject a = real.getJsonObject("latency_ms");
    JsonObject b = echo.getJsonObject("latency_ms");
    for (String p : List.of("p50", "p90", "p99", "p99_9", "max")) {
      r.put("latency_" + p, ratio(a.getDouble(p), b.getDouble(p)));
    }
    return r;
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
  }

  /** One measured phase against {@code urls}. */
  JsonObject measure(int games, List<String> urls, Driver.GameFactory factory, List<String> metricsUrls) throws Exception {
    boolean probeServers = !metricsUrls.isEmpty();
    int threads = Math.min(options.threads(), games);
    List<Driver> drivers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int share = games / threads + (i < games % threads ? 1 : 0);
      Driver d = new Driver(i, share, urls, options.crossNodes(), options.seed(), options.actionTimeoutMs(), factory);
      drivers.add(d);
      await(vertx.deployVerticle(new VerticleBase() {
        @Override
        public Future<?> start() {
          d.start(vertx, context);
          return Future.succeededFuture();
        }
      }));
    }
    TimeUnit.SECONDS.sleep(options.warmupSeconds());

    List<Probes.Scrape> before = probeServers ? scrapeAll(metricsUrls) : List.of();
    Probes.MachineCpu machineBefore = Probes.MachineCpu.now();
    long generatorBefore = Probes.generatorCpuNanos();
    drivers.forEach(d -> d.measure(true));
    long started = System.nanoTime();
    List<List<Probes.Scrape>> samples = new ArrayList<>();
    for (int s = 0; s < options.seconds(); s++) {
      long next = started + TimeUnit.SECONDS.toNanos(s + 1);
      TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
      if (probeServers) {
        samples.add(scrapeAll(metricsUrls));
      }
    }
    drivers.forEach(d -> d.measure(false));
    long elapsed = System.nanoTime() - started;
    Probes.MachineCpu machineAfter = Probes.MachineCpu.now();
    long generatorAfter = Probes.generatorCpuNanos();
    List<Probes.Scrape> after = probeServers ? scrapeAll(metricsUrls) : List.of();
    double load1 = Probes.loadAverage();

    RunStats total = new RunStats();
    for (Driver d : drivers) {
      total.add(await(d.stop()));
    }
    for (String id : List.copyOf(vertx.deploymentIDs())) {
      await(vertx.undeploy(id));
    }

    double secs = elapsed / 1e9;
    JsonObject out = new JsonObject()
        .put("measured_seconds", round(secs, 3))
        .put("actions", total.actions())
        .put("actions_per_s", round(total.actions() / secs, 1))
        .put("rolls", total.rolls)
        .put("moves", total.moves)
        .put("moves_per_s", round(total.moves / secs, 1))
        .put("games_started", total.gamesStarted)
        .put("games_completed", total.gamesCompleted)
        .put("event_frames", total.eventFrames)
        .put("event_frames_per_s", round(total.eventFrames / secs, 1))
        .put("ack_bytes", total.ackBytes)
        .put("latency_ms", latency(total.latencyUs))
        .put("errors", new JsonObject(new java.util.LinkedHashMap<>(total.errors)))
        .put("error_count", total.errorCount())
        .put("machine_cpu_busy", round(machineAfter.busySince(machineBefore), 3))
        .put("load_average_1m", round(load1, 2))
        .put("generator_cpu_cores", round((generatorAfter - generatorBefore) / (double) elapsed, 3));
    if (probeServers) {
      JsonArray nodes = new JsonArray();
      for (int i = 0; i < urls.size(); i++) {
        int node = i;
        nodes.add(serverFigures(urls.get(i), before.get(i), after.get(i), samples.stream().map(s -> s.get(node)).toList(), elapsed));
      }
      out.put("nodes", nodes);
      double cores = nodes.stream().mapToDouble(n -> ((JsonObject) n).getDouble("cpu_cores")).sum();
      out.put("server_cpu_cores", round(cores, 3))
          .put("server_cpu_us_per_action", total.actions() == 0 ? 0 : round(cores * secs / total.actions() * 1e6, 1));
    }
    return out;
  }

  private static List<Probes.Scrape> scrapeAll(List<String> urls) {
    return urls.stream().map(Probes::scrape).toList();
  }

  /** A node's CPU, heap and persistence over the measured window, from its /metrics. */
  private static JsonObject serverFigures(String url, Probes.Scrape a, Probes.Scrape b, List<Probes.Scrape> samples,
      long elapsedNanos) {
    JsonObject n = new JsonObject().put("url", url);
    double cpuSeconds = b.sum("process_cpu_time_ns_total") / 1e9 - a.sum("process_cpu_time_ns_total") / 1e9;
    if (b.has("process_cpu_time_ns_total")) {
      n.put("cpu_cores", round(cpuSeconds / (elapsedNanos / 1e9), 3));
    } else {
      double cores = b.sum("system_cpu_count");
      n.put("cpu_cores", round(samples.stream().mapToDouble(s -> s.sum("process_cpu_usage")).average().orElse(0) * cores, 3));
    }
    double heapMax = 0;
    double heapSum = 0;
    for (Probes.Scrape s : samples) {
      double heap = s.sum("jvm_memory_used_bytes", "area=\"heap\"");
      heapMax = Math.max(heapMax, heap);
      heapSum += heap;
    }
    n.put("heap_used_mb_mean", round(samples.isEmpty() ? 0 : heapSum / samples.size() / 1048576, 1))
        .put("heap_used_mb_max", round(heapMax / 1048576, 1))
        .put("heap_max_mb", round(b.sum("jvm_memory_max_bytes", "area=\"heap\"") / 1048576, 1));
    double commits = b.sum("ludo_persist_commit_seconds_count") - a.sum("ludo_persist_commit_seconds_count");
    double appends = b.sum("ludo_persist_append_seconds_count") - a.sum("ludo_persist_append_seconds_count");
    n.put("commands", b.sum("ludo_commands_total") - a.sum("ludo_commands_total"))
        .put("events_persisted", b.sum("ludo_events_persisted_total") - a.sum("ludo_events_persisted_total"))
        .put("transactions", commits)
        .put("batch_size_mean", round(commits == 0 ? 0
            : (b.sum("ludo_persist_batch_size_sum") - a.sum("ludo_persist_batch_size_sum")) / commits, 2))
        .put("commit_ms_mean", round(commits == 0 ? 0
            : (b.sum("ludo_persist_commit_seconds_sum") - a.sum("ludo_persist_commit_seconds_sum")) / commits * 1000, 3))
        .put("append_ms_mean", round(appends == 0 ? 0
            : (b.sum("ludo_persist_append_seconds_sum") - a.sum("ludo_persist_append_seconds_sum")) / appends * 1000, 3))
        .put("gc_pause_ms", round((b.sum("jvm_gc_pause_seconds_sum") - a.sum("jvm_gc_pause_seconds_sum")) * 1000, 1))
        .put("sockets_open", b.sum("ludo_sockets_open"))
        .put("games_active", b.sum("ludo_games_active"));
    return n;
  }

  static JsonObject latency(Histogram h) {
    return new JsonObject()
        .put("count", h.getTotalCount())
        .put("mean", round(h.getMean() / 1000, 3))
        .put("p50", ms(h, 50))
        .put("p90", ms(h, 90))
        .put("p99", ms(h, 99))
        .put("p99_9", ms(h, 99.9))
        .put("max", round(h.getMaxValue() / 1000.0, 3));
  }

  private static double ms(Histogram h, double percentile) {
    return round(h.getValueAtPercentile(percentile) / 1000.0, 3);
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
