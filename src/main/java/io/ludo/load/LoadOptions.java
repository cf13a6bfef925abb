package io.ludo.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a load run, from {@code --name value} arguments.
 *
 * @param urls the nodes, {@code http://127.0.0.1:port} each; games are created on them in turn
 * @param adminUrls each node's admin server, where its {@code /metrics} are read (in the order of
 *     {@code urls}); by default each game port + {@link #ADMIN_PORT_OFFSET}
 * @param games concurrent games (for a sweep: the list of counts)
 * @param seconds how long to measure, after the warm-up
 * @param warmupSeconds how long to play before measuring
 * @param crossNodes with several URLs: every player's socket on another node than the game's creator
 * @param echoUrl a bare WebSocket echo server to measure the same way (the ceiling), or null
 * @param threads generator event loops
 * @param out the JSON report; the Markdown one goes beside it
 * @param serverPid the node's process, for {@code jcmd GC.run} before a heap reading (idle mode), or 0
 * @param socketGames idle mode: how many of the games get their 4 sockets
 * @param holdSeconds idle mode: how long to hold the sockets open after the last heap reading
 * @param actions idle mode: how many rolls and moves each game plays (over REST) before the reading
 * @param floor with an echo server: also measure the floor, the socket traffic of the real run's
 *     actions alone on the echo server's fan-out: {@code --floor paced} at the real run's rate,
 *     {@code --floor saturated} as fast as it goes; {@link Floor#OFF} by default
 */
public record LoadOptions(List<String> urls, List<String> adminUrls, List<Integer> games, int seconds, int warmupSeconds, boolean crossNodes,
    String echoUrl, int threads, long seed, Path out, Path plot, String label, long serverPid, int socketGames,
    int holdSeconds, long actionTimeoutMs, int actions, Floor floor) {

  /** Whether and how the socket floor is measured. */
  public enum Floor { OFF, PACED, SATURATED }

  /** A node's admin port is its game port + this, as with the defaults (8080, 9080) and local-cluster.sh. */
  static final int ADMIN_PORT_OFFSET = 1000;

  /** Parses {@code --name value} pairs; unknown names are an error. */
  public static LoadOptions parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      a.put(args[i].substring(2), args[++i]);
    }
    List<String> known = List.of("url", "admin-url", "games", "seconds", "warmup", "spread", "echo-url", "threads", "seed", "out",
        "plot", "label", "server-pid", "socket-games", "hold", "action-timeout-ms", "actions", "floor");
    for (String k : a.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException("unknown option --" + k + " (known: " + known + ")");
      }
    }
    List<String> urls = List.of(a.getOrDefault("url", "http://127.0.0.1:8080").split(","));
    urls.forEach(LoadOptions::loopbackOnly);
    List<String> adminUrls = a.containsKey("admin-url") ? List.of(a.get("admin-url").split(","))
        : urls.stream().map(LoadOptions::defaultAdminUrl).toList();
    adminUrls.forEach(LoadOptions::loopbackOnly);
    if (adminUrls.size() != urls.size()) {
      throw new IllegalArgumentException("--admin-url names one admin server per --url");
    }
    String echo = a.get("echo-url");
    if (echo != null) {
      loopbackOnly(echo);
    }
    List<Integer> games = new ArrayList<>();
    for (String g : a.getOrDefault("games", "50").split(",")) {
      games.add(positive("games", Integer.parseInt(g.trim())));
    }
    String spread = a.getOrDefault("spread", "cross");
    if (!spread.equals("cross") && !spread.equals("owner")) {
      throw new IllegalArgumentException("--spread is cross or owner");
    }
    return new LoadOptions(urls, adminUrls, List.copyOf(games), bounded("seconds", a.getOrDefault("seconds", "30"), 3600),
        bounded("warmup", a.getOrDefault("warmup", "5"), 600), spread.equals("cross"), echo,
        positive("threads", Integer.parseInt(a.getOrDefault("threads", "1"))),
        Long.parseLong(a.getOrDefault("seed", "1")), Path.of(a.getOrDefault("out", "target/load/run.json")),
        a.containsKey("plot") ? Path.of(a.get("plot")) : null, a.getOrDefault("label", ""),
        Long.parseLong(a.getOrDefault("server-pid", "0")), Integer.parseInt(a.getOrDefault("socket-games", "0")),
        bounded("hold", a.getOrDefault("hold", "5"), 3600),
        Long.parseLong(a.getOrDefault("action-timeout-ms", "10000")),
        bounded("actions", a.getOrDefault("actions", "0"), 10_000), floor(a.getOrDefault("floor", "off")));
  }

  /** Load is only ever sent to this machine. */
  private static void loopbackOnly(String url) {
    String host = URI.create(url).getHost();
    if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
      throw new IllegalArgumentException("load goes to 127.0.0.1 only, not " + url);
    }
  }

  private static String defaultAdminUrl(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + ":" + ((uri.getPort() < 0 ? 80 : uri.getPort()) + ADMIN_PORT_OFFSET);
  }

  private static Floor floor(String value) {
    return switch (value) {
      case "off" -> Floor.OFF;
      case "paced" -> Floor.PACED;
      case "saturated" -> Floor.SATURATED;
      default -> throw new IllegalArgumentException("--floor is off, paced or saturated");
    };
  }

  private static int positive(String name, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("--" + name + " must be positive");
    }
    return n;
  }

  private static int bounded(String name, String value, int max) {
    int n = Integer.parseInt(value);
    if (n < 0 || n > max) {
      throw new IllegalArgumentException("--" + name + " must be within 0.." + max);
    }
    return n;
  }

  /** The same run with one games count (a sweep's step) and its own report path. */
  LoadOptions withGames(int n, Path report) {
    return new LoadOptions(urls, adminUrls, List.of(n), seconds, warmupSeconds, crossNodes, echoUrl, threads, seed, report, plot,
        label, serverPid, socketGames, holdSeconds, actionTimeoutMs, actions, floor);
  }

  int concurrentGames() {
    return games.get(0);
  }
}
