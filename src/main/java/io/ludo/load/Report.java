package io.ludo.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A run's JSON, and its Markdown beside it ({@code run.json} → {@code run.md}). */
public final class Report {
  private Report() {}

  public static void write(Path json, JsonObject result, String markdown) throws IOException {
    if (json.toAbsolutePath().getParent() != null) {
      Files.createDirectories(json.toAbsolutePath().getParent());
    }
    Files.writeString(json, result.encodePrettily() + "\n");
    Files.writeString(markdownPath(json), markdown);
  }

  static Path markdownPath(Path json) {
    String name = json.getFileName().toString();
    return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".md");
  }

  /** One run: the real figures, the echo's and their ratio, then each node's. */
  public static String markdown(JsonObject r) {
    StringBuilder md = new StringBuilder();
    md.append("# Load run").append(r.getString("label", "").isEmpty() ? "" : ": " + r.getString("label")).append("\n\n");
    md.append(String.format(Locale.ROOT, "%s; %d concurrent 4-player games; %d s measured after %d s warm-up; %s; %s; "
            + "generator threads %d; %d cores.%n%n",
        r.getString("date"), r.getInteger("games"), r.getInteger("seconds"), r.getInteger("warmup_seconds"),
        String.join(", ", r.getJsonArray("urls").stream().map(String::valueOf).toList()), r.getString("spread"),
        r.getInteger("generator_threads"), r.getInteger("cores")));
    md.append("| | actions/s | moves/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | games done | machine CPU | generator cores |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    md.append(row("server", r.getJsonObject("server")));
    if (r.containsKey("echo")) {
      md.append(row("echo (ceiling)", r.getJsonObject("echo")));
      JsonObject q = r.getJsonObject("ratio_to_echo");
      md.append(String.format(Locale.ROOT, "| server ÷ echo | %.3f | | %.2f | %.2f | %.2f | %.2f | %.2f | | | | |%n",
          q.getDouble("actions_per_s"), q.getDouble("latency_p50"), q.getDouble("latency_p90"),
          q.getDouble("latency_p99"), q.getDouble("latency_p99_9"), q.getDouble("latency_max")));
    }
    if (r.containsKey("floor")) {
      md.append(row("floor (sockets alone, " + r.getJsonObject("floor").getString("pace") + ")", r.getJsonObject("floor")));
      md.append(String.format(Locale.ROOT, "%nServer CPU per action: %.1f µs on the node(s); %.1f µs on the floor "
              + "(the same socket traffic, %.2f event frames per socket per action, on the echo server alone).%n",
          r.getJsonObject("server").getDouble("server_cpu_us_per_action", 0.0),
          r.getJsonObject("floor").getDouble("server_cpu_us_per_action", 0.0),
          r.getJsonObject("floor").getDouble("event_frames_per_socket_per_action")));
    }
    JsonObject errors = r.getJsonObject("server").getJsonObject("errors");
    if (!errors.isEmpty()) {
      md.append("\nErrors: ").append(errors.encode()).append("\n");
    }
    md.append("\n| node | CPU cores | heap MB mean / max | commands | events persisted | transactions | appends per transaction | commit ms | append ms | GC pause ms |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    JsonArray nodes = r.getJsonObject("server").getJsonArray("nodes", new JsonArray());
    for (int i = 0; i < nodes.size(); i++) {
      JsonObject n = nodes.getJsonObject(i);
      md.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f / %.0f | %.0f | %.0f | %.0f | %.1f | %.2f | %.2f | %.0f |%n",
          n.getString("url"), n.getDouble("cpu_cores"), n.getDouble("heap_used_mb_mean"), n.getDouble("heap_used_mb_max"),
          n.getDouble("commands"), n.getDouble("events_persisted"), n.getDouble("transactions"),
          n.getDouble("batch_size_mean"), n.getDouble("commit_ms_mean"), n.getDouble("append_ms_mean"),
          n.getDouble("gc_pause_ms")));
    }
    return md.toString();
  }

  private static String row(String name, JsonObject m) {
    JsonObject l = m.getJsonObject("latency_ms");
    return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d | %.0f %% | %.2f |%n",
        name, m.getDouble("actions_per_s"), m.getDouble("moves_per_s"), l.getDouble("p50"), l.getDouble("p90"),
        l.getDouble("p99"), l.getDouble("p99_9"), l.getDouble("max"), m.getLong("error_count"),
        m.getLong("games_completed"), m.getDouble("machine_cpu_busy") * 100, m.getDouble("generator_cpu_cores"));
  }

  /** A sweep: one line per games count. */
  public static String sweepMarkdown(List<JsonObject> runs, String plot) {
    StringBuilder md = new StringBuilder("# Load sweep\n\n");
    md.append("| games | actions/s | p50 ms | p99 ms | p99.9 ms | errors | server CPU cores | echo actions/s | echo p99 ms | ÷ echo actions/s |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (JsonObject r : runs) {
      JsonObject s = r.getJsonObject("server");
      JsonObject l = s.getJsonObject("latency_ms");
      double cpu = s.getDouble("server_cpu_cores", 0.0);
      JsonObject e = r.getJsonObject("echo");
      md.append(String.format(Locale.ROOT, "| %d | %.0f | %.2f | %.2f | %.2f | %d | %.2f | %s | %s | %s |%n",
          r.getInteger("games"), s.getDouble("actions_per_s"), l.getDouble("p50"), l.getDouble("p99"), l.getDouble("p99_9"),
          s.getLong("error_count"), cpu,
          e == null ? "" : String.format(Locale.ROOT, "%.0f", e.getDouble("actions_per_s")),
          e == null ? "" : String.format(Locale.ROOT, "%.2f", e.getJsonObject("latency_ms").getDouble("p99")),
          e == null ? "" : String.format(Locale.ROOT, "%.3f", r.getJsonObject("ratio_to_echo").getDouble("actions_per_s"))));
    }
    if (plot != null) {
      md.append("\n![actions/s and p99 against concurrent games](").append(plot).append(")\n");
    }
    return md.toString();
  }
}
