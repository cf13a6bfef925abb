package io.ludo.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.Node;
import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Players asking one after another for 2-player games while a fault of Redis comes and goes,
 * and the check of what became of their tickets: every ticket made matched once, each game
 * seating exactly its tickets' players, nobody in two games, nothing but an odd last ticket left
 * waiting. An ask refused during the fault must be a 503 (no ticket made).
 */
final class MatchmakingUnderFault {
  /** Something done to Redis at an instant of the run. */
  interface Step {
    void run() throws Exception;
  }

  /** The tickets made (each with the {@code player_name} that asked) and the asks refused 503. */
  record Asked(List<JsonObject> made, int refused) {}

  private MatchmakingUnderFault() {}

  /** A node of its own on the test's Redis (and the shared test Postgres). */
  static final class NodeOnRedis implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final Node node;

    NodeOnRedis(String redisUrl) {
      node = await(TestNodes.start(vertx, Map.of(ConfigKey.REDIS_URL, redisUrl)));
    }

    ApiClient api() {
      return new ApiClient(vertx, node.httpPort());
    }

    @Override
    public void close() {
      await(node.stop());
      vertx.close();
    }
  }

  /** Asks for {@code askingMs}; {@code fault} runs {@code faultAtMs} in and {@code heal} {@code faultMs} later. */
  static Asked ask(ApiClient api, JsonObject options, String namePrefix, long askingMs, long faultAtMs, long faultMs,
      Step fault, Step heal) throws Exception {
    List<JsonObject> made = new ArrayList<>();
    int refused = 0;
    long start = System.nanoTime();
    boolean faulted = false;
    boolean healed = false;
    for (int i = 0; System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(askingMs); i++) {
      long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      if (!faulted && at >= faultAtMs) {
        fault.run();
        faulted = true;
      }
      if (faulted && !healed && at >= faultAtMs + faultMs) {
        heal.run();
        healed = true;
      }
      ApiClient.Reply r = await(api.post("/matchmaking/tickets", null,
          new JsonObject().put("player_name", namePrefix + i).put("players", 2).put("options", options)));
      if (r.status() == 201) {
        made.add(r.body().put("player_name", namePrefix + i));
      } else {
        assertEquals(503, r.status(), String.valueOf(r.body()));
        refused++;
      }
      Thread.sleep(50);
    }
    assertTrue(healed, "the fault came and went while players asked");
    return new Asked(made, refused);
  }

  /** Waits (30 s at most) for every ticket made to be matched and checks the games they made. */
  static void assertEachTicketMatchedOnce(ApiClient api, Asked asked, String label) throws Exception {
    Map<String, List<String>> byGame = new HashMap<>();
    List<String> waiting = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (JsonObject t : asked.made()) {
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
    System.out.printf("%s: %d tickets made, %d asks refused 503 while it was away, %d games, %d left waiting%n",
        label, asked.made().size(), asked.refused(), byGame.size(), waiting.size());
    assertTrue(asked.refused() > 0, "the fault was felt");
    // an odd number of tickets leaves the last one waiting for a partner: nothing else may wait
    assertTrue(waiting.size() <= asked.made().size() % 2, "tickets lost or stuck: " + waiting);
    assertEquals(asked.made().size() / 2, byGame.size());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
