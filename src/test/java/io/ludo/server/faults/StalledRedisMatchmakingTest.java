package io.ludo.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.Node;
import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redis stalls in the middle of matchmaking (SIGSTOP of its process for 3 s, then SIGCONT, its
 * data kept) while players keep asking for 2-player games: asks made while it is away are
 * refused 503, and of the tickets that were made none is lost, none matched twice, nobody seated
 * in two games, every game seats exactly its tickets' players.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StalledRedisMatchmakingTest {
  private static final long ASKING_MS = 8_000;
  private static final long STALL_MS = 3_000;
  private static EmbeddedServices redis;
  private static int port;
  private static long redisPid;
  private static Vertx vertx;
  private static Node node;

  @BeforeAll
  static void ownRedisAndANode() throws Exception {
    port = EmbeddedServices.freePort();
    redis = new EmbeddedServices();
    // its process is the redis-server this JVM starts now (the embedded server's command line
    // names no port: its settings come on its standard input)
    Set<Long> before = new HashSet<>(ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    String url = redis.startRedis(port);
    List<Long> started = ProcessHandle.current().descendants().map(ProcessHandle::pid).filter(p -> !before.contains(p)).toList();
    assertEquals(1, started.size(), "one process started for the test's Redis: " + started);
    redisPid = started.get(0);
    vertx = Vertx.vertx();
    node = await(TestNodes.start(vertx, Map.of(ConfigKey.REDIS_URL, url)));
  }

  @AfterAll
  static void close() throws Exception {
    signal("-CONT");
    await(node.stop());
    vertx.close();
    redis.close();
  }

  @Test
  void noTicketIsLostOrMatchedTwiceAcrossAStall() throws Exception {
    ApiClient api = new ApiClient(vertx, node.httpPort());
    JsonObject options = new JsonObject().put("maxSixes", 1);   // a queue no other test uses
    List<JsonObject> made = new ArrayList<>();
    int refused = 0;
    long start = System.nanoTime();
    boolean stalled = false;
    boolean resumed = false;
    for (int i = 0; System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(ASKING_MS); i++) {
      long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      if (!stalled && at >= 2_000) {
        signal("-STOP");
        stalled = true;
      }
      if (stalled && !resumed && at >= 2_000 + STALL_MS) {
        signal("-CONT");
        resumed = true;
      }
      ApiClient.Reply r = await(api.post("/matchmaking/tickets", null,
          new JsonObject().put("player_name", "sr" + i).put("players", 2).put("options", options)));
      if (r.status() == 201) {
        made.add(r.body().put("player_name", "sr" + i));
      } else {
        assertEquals(503, r.status(), String.valueOf(r.body()));
        refused++;
      }
      Thread.sleep(50);
    }
    assertTrue(resumed, "Redis stalled and resumed while players asked");

    Map<String, List<String>> byGame = new HashMap<>();
    List<String> waiting = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (JsonObject t : made) {
      JsonObject state;
      do {
        ApiClient.Reply r = await(api.get("/matchmaking/tickets/" + t.getString("ticket_id"), t.getString("ticket_token")));
        state = r.status() == 200 ? r.body() : new JsonObject().put("status", "HTTP " + r.status());
        if (!"MATCHED".equals(state.getString("status"))) {
          Thread.sleep(100);
        }
      } while (!"MATCHED".equals(state.getString("status")) && System.nanoTime() < deadline);
      if ("MATCHED".equals(state.getString("status"))) {
        byGame.computeIfAbsent(state.getString("game_id"), g -> new ArrayList<>()).add(t.getString("player_name"));
      } else {
        waiting.add(t.getString("player_name") + " " + state.encode());
      }
    }
    Set<String> seated = new HashSet<>();
    for (var game : byGame.entrySet()) {
      JsonObject view = await(api.view(game.getKey())).body();
      List<String> players = view.getJsonArray("players").stream().map(p -> ((JsonObject) p).getString("display_name"))
          .sorted().toList();
      assertEquals(game.getValue().stream().sorted().toList(), players, "game " + game.getKey() + " seats its tickets");
      players.forEach(p -> assertTrue(seated.add(p), p + " sits in two games"));
    }
    System.out.printf("stalled Redis: %d tickets made, %d asks refused 503 while it was away, %d games, %d left waiting%n",
        made.size(), refused, byGame.size(), waiting.size());
    assertTrue(refused > 0, "the stall was felt");
    // an odd number of tickets leaves the last one waiting for a partner: nothing else may wait
    assertTrue(waiting.size() <= made.size() % 2, "tickets lost or stuck: " + waiting);
    assertEquals(made.size() / 2, byGame.size());
  }

  /** SIGSTOP or SIGCONT of this test's own redis-server. */
  private static void signal(String which) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", which, String.valueOf(redisPid)).inheritIO().start().waitFor());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
