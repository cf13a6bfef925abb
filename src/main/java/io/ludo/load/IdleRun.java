package io.ludo.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Memory at rest: opens {@code games} full 4-player games on one node (each plays
 * {@code --actions} rolls and moves over REST first, none plays after), then the
 * four sockets of the first {@code socketGames} of them, and reads the node's used heap after a
 * full GC at each step (with {@code --server-pid}; otherwise as it is). Answers the heap per
 * game and per socket, and what 10,000 games with 40,000 sockets would take.
 */
public final class IdleRun {
  private static final int PARALLEL_GAMES = 64;
  private static final int PARALLEL_SOCKETS = 256;
  private static final long PING_MS = 15_000;
  private static final int TARGET_GAMES = 10_000;
  private static final int TARGET_SOCKETS = 40_000;

  private final Vertx vertx;
  private final LoadOptions options;

  public IdleRun(Vertx vertx, LoadOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  private record Seat(String gameId, String playerId, String token, int seat) {}

  public JsonObject run() throws Exception {
    int games = options.concurrentGames();
    int socketGames = Math.min(games, options.socketGames());
    String url = options.urls().get(0);
    URI uri = URI.create(url);
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost(uri.getHost())
        .setDefaultPort(uri.getPort()), new PoolOptions().setHttp1MaxSize(PARALLEL_GAMES));
    WebSocketClient wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(socketGames * GamePlayer.SEATS + 16));

    double heap0 = heapMb(options.adminUrls().get(0));
    long t0 = System.nanoTime();
    List<Seat> seats = new ArrayList<>();
    int failedGames = 0;
    for (int from = 0; from < games; from += PARALLEL_GAMES) {
      List<Future<List<Seat>>> batch = new ArrayList<>();
      for (int g = from; g < Math.min(games, from + PARALLEL_GAMES); g++) {
        batch.add(openGame(http, "idle-" + g, options.actions(), new java.util.Random(options.seed() + g)));
      }
      for (Future<List<Seat>> f : batch) {
        try {
          seats.addAll(LoadRun.await(f));
        } catch (Exception e) {
          failedGames++;
        }
      }
    }
    double createSeconds = (System.nanoTime() - t0) / 1e9;
    double heap1 = heapMb(options.adminUrls().get(0));

    ConcurrentLinkedQueue<WebSocket> open = new ConcurrentLinkedQueue<>();
    AtomicInteger states = new AtomicInteger();
    int wanted = Math.min(seats.size(), socketGames * GamePlayer.SEATS);
    long pinger = vertx.setPeriodic(PING_MS, id -> open.forEach(ws -> ws.writeTextMessage("{\"type\":\"ping\"}")));
    long t1 = System.nanoTime();
    int failedSockets = 0;
    for (int from = 0; from < wanted; from += PARALLEL_SOCKETS) {
      List<Future<WebSocket>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(wanted, from + PARALLEL_SOCKETS); i++) {
        Seat s = seats.get(i);
        batch.add(wsClient.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                .setURI("/ws/" + s.gameId() + "/" + s.playerId() + "?token=" + s.token()))
            .onSuccess(ws -> {
              open.add(ws);
              AtomicInteger seen = new AtomicInteger();
              ws.textMessageHandler(text -> {
                if (seen.getAndIncrement() == 0 && text.startsWith("{\"type\":\"state\"")) {
                  states.incrementAndGet();
                }
              });
            }));
      }
      for (Future<WebSocket> f : batch) {
        try {
          LoadRun.await(f);
        } catch (Exception e) {
          failedSockets++;
        }
      }
    }
    // every socket has its state before the reading (bounded wait)
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (states.get() < open.size() && System.nanoTime() < waitUntil) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    double openSeconds = (System.nanoTime() - t1) / 1e9;
    double heap2 = heapMb(options.adminUrls().get(0));
    Probes.Scrape server = Probes.scrape(options.adminUrls().get(0));
    TimeUnit.SECONDS.sleep(options.holdSeconds());
    vertx.cancelTimer(pinger);
    int stillOpen = (int) Probes.scrape(options.adminUrls().get(0)).sum("ludo_sockets_open");
    open.forEach(WebSocket::close);

    int createdGames = seats.size() / GamePlayer.SEATS;
    int sockets = open.size();
    double perGameKb = createdGames == 0 ? 0 : (heap1 - heap0) * 1024 / createdGames;
    double perSocketKb = sockets == 0 ? 0 : (heap2 - heap1) * 1024 / sockets;
    return new JsonObject()
        .put("date", Instant.now().toString())
        .put("url", url)
        .put("full_gc_before_readings", options.serverPid() > 0)
        .put("games", createdGames)
        .put("games_failed", failedGames)
        .put("actions_per_game", options.actions())
        .put("create_seconds", LoadRun.round(createSeconds, 1))
        .put("sockets", sockets)
        .put("sockets_failed", failedSockets)
        .put("states_received", states.get())
        .put("sockets_open_on_server_after_hold", stillOpen)
        .put("open_seconds", LoadRun.round(openSeconds, 1))
        .put("heap_mb_before", LoadRun.round(heap0, 1))
        .put("heap_mb_with_games", LoadRun.round(heap1, 1))
        .put("heap_mb_with_sockets", LoadRun.round(heap2, 1))
        .put("heap_max_mb", LoadRun.round(server.sum("jvm_memory_max_bytes", "area=\"heap\"") / 1048576, 1))
        .put("kb_per_game", LoadRun.round(perGameKb, 2))
        .put("kb_per_socket", LoadRun.round(perSocketKb, 2))
        .put("estimate_mb_10000_games_40000_sockets",
            LoadRun.round(heap0 + (TARGET_GAMES * perGameKb + TARGET_SOCKETS * perSocketKb) / 1024, 1));
  }

  /** Creates a game, seats four players and plays {@code actions} of it; answers the seats. */
  private static Future<List<Seat>> openGame(WebClient http, String name, int actions, java.util.Random random) {
    List<Seat> seats = new ArrayList<>();
    return http.post("/games").sendJsonObject(new JsonObject().put("player_name", name + "-0").put("max_players", 4))
        .compose(r -> {
          if (r.statusCode() != 201) {
            return Future.failedFuture("create " + r.statusCode());
          }
          JsonObject c = r.bodyAsJsonObject();
          String gameId = c.getString("game_id");
          seats.add(new Seat(gameId, c.getString("player_id"), c.getString("token"), c.getInteger("seat")));
          Future<JsonObject> chain = Future.succeededFuture();
          for (int s = 1; s < GamePlayer.SEATS; s++) {
            String player = name + "-" + s;
            chain = chain.compose(v -> http.post("/games/" + gameId + "/join")
                .sendJsonObject(new JsonObject().put("player_name", player))
                .compose(j -> {
                  if (j.statusCode() != 200) {
                    return Future.failedFuture("join " + j.statusCode());
                  }
                  JsonObject b = j.bodyAsJsonObject();
                  seats.add(new Seat(gameId, b.getString("player_id"), b.getString("token"), b.getInteger("seat")));
                  // a join answers the game's state, with whose turn it is once the game started
                  JsonObject state = b.getJsonObject("state");
                  return Future.succeededFuture(state == null ? null : state.getJsonObject("turn"));
                }));
          }
          return chain.compose(turn -> play(http, seats, turn, actions, random)).map(v -> seats);
        });
  }

  /** Plays {@code left} actions, each by the seat whose turn it is: a roll, or a random legal move. */
  private static Future<Void> play(WebClient http, List<Seat> seats, JsonObject turn, int left, java.util.Random random) {
    if (left == 0 || turn == null || turn.getValue("current") == null) {
      return Future.succeededFuture();
    }
    Seat actor = seats.stream().filter(s -> s.seat() == turn.getInteger("current")).findFirst().orElseThrow();
    boolean roll = "ROLL".equals(turn.getString("phase"));
    JsonObject body = new JsonObject().put("player_id", actor.playerId());
    if (!roll) {
      var legal = turn.getJsonArray("legal_moves");
      body.put("token_index", legal.getInteger(random.nextInt(legal.size())));
    }
    return http.post("/games/" + actor.gameId() + (roll ? "/roll" : "/move"))
        .putHeader("Authorization", "Bearer " + actor.token())
        .sendJsonObject(body)
        .compose(r -> r.statusCode() == 200
            ? play(http, seats, r.bodyAsJsonObject().getJsonObject("turn"), left - 1, random)
            : Future.failedFuture((roll ? "roll " : "move ") + r.statusCode() + " " + r.bodyAsString()));
  }

  /**
   * The node's used heap; after a full GC (with {@code --server-pid}) without the young space,
   * which holds only what was allocated since (the scrape itself).
   */
  private double heapMb(String adminUrl) {
    Probes.Scrape s;
    if (options.serverPid() > 0) {
      Probes.fullGc(options.serverPid());
      s = Probes.scrape(adminUrl);
      return (s.sum("jvm_memory_used_bytes", "area=\"heap\"") - s.sum("jvm_memory_used_bytes", "Eden")) / 1048576;
    }
    s = Probes.scrape(adminUrl);
    return s.sum("jvm_memory_used_bytes", "area=\"heap\"") / 1048576;
  }

  public static String markdown(JsonObject r) {
    return "# Idle games and sockets\n\n"
        + "| games | sockets | heap MB before / with games / with sockets | KB per game | KB per socket | estimate for 10,000 games + 40,000 sockets |\n"
        + "|---|---|---|---|---|---|\n"
        + String.format(java.util.Locale.ROOT, "| %d | %d | %.0f / %.0f / %.0f | %.1f | %.1f | %.0f MB |%n",
            r.getInteger("games"), r.getInteger("sockets"), r.getDouble("heap_mb_before"),
            r.getDouble("heap_mb_with_games"), r.getDouble("heap_mb_with_sockets"), r.getDouble("kb_per_game"),
            r.getDouble("kb_per_socket"), r.getDouble("estimate_mb_10000_games_40000_sockets"))
        + "\n" + r.encode() + "\n";
  }
}
