package io.ludo.it;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.function.Supplier;
import io.ludo.server.faults.KeyedHistory;

/**
 * A 2-player game driven against a cluster of node processes: each command goes to a node that
 * {@code nodes} picks. A node that refuses the connection (down, restarting) is skipped, as a
 * load balancer would; any other failure is counted.
 */
final class ClusterGame {
  final String gameId;
  final String[] tokens = new String[4];
  final String[] players = new String[4];
  JsonObject turn;
  int acknowledged;
  int failed;
  /** Resends of a command after a retryable answer or a lost connection. */
  int retries;
  /** Why commands failed, across all games: status and code, or the exception. */
  static final List<String> FAILURES = new java.util.concurrent.CopyOnWriteArrayList<>();

  private ClusterGame(String gameId) {
    this.gameId = gameId;
  }

  static ClusterGame open(int createPort, int joinPort) throws IOException, InterruptedException {
    return open(() -> createPort, () -> joinPort);
  }

  /** Creates a game on one node and joins it on another, skipping nodes that refuse connections. */
  static ClusterGame open(Supplier<Integer> createNodes, Supplier<Integer> joinNodes)
      throws IOException, InterruptedException {
    // a create resent after a 503 may leave an empty game behind: harmless, nobody joins it
    BlockingApi.Reply created = reachable(createNodes, port -> BlockingApi.post(port, "/games", null,
        new JsonObject().put("player_name", "Ann").put("max_players", 2)));
    ClusterGame g = new ClusterGame(created.body().getString("game_id"));
    g.seat(created.body());
    String key = java.util.UUID.randomUUID().toString();
    BlockingApi.Reply joined = reachable(joinNodes,
        port -> BlockingApi.post(port, "/games/" + g.gameId + "/join?player_name=Bob", null, null, key));
    g.seat(joined.body());
    g.turn = joined.turn();
    return g;
  }

  interface Call {
    BlockingApi.Reply at(int port) throws IOException, InterruptedException;
  }

  /** The call's 2xx reply, resent (to any node) after a refused or lost connection or a 503. */
  private static BlockingApi.Reply reachable(Supplier<Integer> nodes, Call call) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        BlockingApi.Reply r = call.at(nodes.get());
        if (r.status() / 100 == 2) {
          return r;
        }
        last = r.status() + " " + r.body().encode();
        if (r.status() != 503) {
          break;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no node accepted the call: " + last);
  }

  private void seat(JsonObject reply) {
    tokens[reply.getInteger("seat")] = reply.getString("token");
    players[reply.getInteger("seat")] = reply.getString("player_id");
  }

  boolean over() {
    return "FINISHED".equals(turn.getString("phase"));
  }

  /**
   * Sends the next command as a careful client does: with an Idempotency-Key, resent with the
   * same key after a retryable answer (503) or a lost connection, until it is acknowledged. True
   * when it was; a command that is refused (4xx) or never acknowledged within 30 s has failed.
   */
  boolean step(Supplier<Integer> nodes, List<Integer> refusedConnections) throws InterruptedException {
    return step(nodes, refusedConnections, null, null);
  }

  /**
   * As {@link #step(Supplier, List)}, each attempt recorded in {@code history} (when not null;
   * 0 for no answer), and the port that acknowledged it put in {@code ackedVia} (when not null).
   */
  boolean step(Supplier<Integer> nodes, List<Integer> refusedConnections, KeyedHistory history, int[] ackedVia)
      throws InterruptedException {
    int seat = turn.getInteger("current");
    boolean roll = "ROLL".equals(turn.getString("phase"));
    String key = java.util.UUID.randomUUID().toString();
    KeyedHistory.Operation op = history == null ? null : history.invoke(gameId, key, roll ? "roll" : "move");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    String lastProblem = "";
    while (System.nanoTime() < deadline) {
      int port = nodes.get();
      try {
        BlockingApi.Reply r = roll
            ? BlockingApi.post(port, "/games/" + gameId + "/roll", tokens[seat], null, key)
            : BlockingApi.post(port, "/games/" + gameId + "/move", tokens[seat], new JsonObject()
                .put("player_id", players[seat]).put("token_index", turn.getJsonArray("legal_moves").getInteger(0)), key);
        if (op != null) {
          history.answered(op, r.status(), r.body());
        }
        if (r.status() == 200) {
          turn = r.body().getJsonObject("turn");
          acknowledged++;
          if (ackedVia != null) {
            ackedVia[0] = port;
          }
          return true;
        }
        lastProblem = r.status() + " " + r.body().getString("code") + " via " + port + ": " + r.body().getString("detail");
        if (r.status() != 503) {
          break;
        }
        retries++;
      } catch (ConnectException | HttpConnectTimeoutException e) {
        refusedConnections.add(port);
      } catch (IOException e) {
        retries++;
        lastProblem = e.getClass().getSimpleName() + " via " + port + ": " + e.getMessage();
        if (op != null) {
          history.answered(op, 0, null);
        }
      }
      Thread.sleep(50);
    }
    failed++;
    FAILURES.add(lastProblem);
    refresh(nodes);
    return false;
  }

  /** After a failure: where does the game stand now? */
  void refresh(Supplier<Integer> nodes) throws InterruptedException {
    for (int attempt = 0; attempt < 40; attempt++) {
      try {
        BlockingApi.Reply view = BlockingApi.get(nodes.get(), "/games/" + gameId);
        if (view.status() == 200) {
          turn = view.body().getJsonObject("turn");
          return;
        }
      } catch (IOException e) {
        // that node is down: try another
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the game's view could not be read");
  }
}
