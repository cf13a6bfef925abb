package io.ludo.server.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.Node;
import io.ludo.server.TestNodes;
import io.ludo.server.auth.SeatClaims;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.Clustering;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three clustered nodes in one JVM sharing the embedded Redis and Postgres: tickets made through
 * every node at once are matched by whichever node's matcher gets there, each exactly once.
 */
@ExtendWith(VertxExtension.class)
class MatchmakingClusterTest {
  private static final int TWO_PLAYER_TICKETS = 40;
  private static final int THREE_PLAYER_TICKETS = 30;

  private record Made(String name, int players, JsonObject created, int node) {}

  @Test
  @Timeout(value = 3, timeUnit = TimeUnit.MINUTES)
  void everyTicketMadeThroughAnyNodeIsMatchedExactlyOnce(Vertx testVertx, VertxTestContext test) throws Exception {
    List<Vertx> vertxes = new ArrayList<>();
    int[] hz = {EmbeddedServices.freePort(), EmbeddedServices.freePort(), EmbeddedServices.freePort()};
    String members = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1] + ",127.0.0.1:" + hz[2];
    List<Node> nodes = new ArrayList<>();
    Future<Void> started = Future.succeededFuture();
    for (int i = 0; i < 3; i++) {
      Config c = TestNodes.config(Map.of(ConfigKey.NODE_ID, "mm" + i, ConfigKey.CLUSTER_PORT, hz[i],
          ConfigKey.CLUSTER_MEMBERS, members));
      started = started.compose(v -> Clustering.start(c)).compose(vx -> {
        vertxes.add(vx);
        return Node.start(vx, c);
      }).map(n -> {
        nodes.add(n);
        return null;
      });
    }
    int twoQueue = Tickets.privateQueue();
    int threeQueue = Tickets.privateQueue() + 1;
    SeatTokens seatTokens = new SeatTokens(testVertx, TestNodes.JWT_KEY, 3600);
    long[] clock = new long[2];
    started.compose(v -> {
      List<Tickets> clients = nodes.stream().map(n -> new Tickets(testVertx, n.httpPort())).toList();
      List<Future<Made>> making = new ArrayList<>();
      clock[0] = System.nanoTime();
      for (int i = 0; i < TWO_PLAYER_TICKETS + THREE_PLAYER_TICKETS; i++) {
        boolean two = i < TWO_PLAYER_TICKETS;
        String name = (two ? "duo" : "trio") + i;
        int node = i % 3;
        making.add(clients.get(node).create(Tickets.ask(name, two ? 2 : 3, two ? twoQueue : threeQueue)).map(r -> {
          assertEquals(201, r.status(), String.valueOf(r.body()));
          return new Made(name, two ? 2 : 3, r.body(), node);
        }));
      }
      return Future.all(making).compose(all -> {
        List<Made> made = all.list();
        // each ticket's owner watches it on another node than the one that took it
        List<Future<JsonObject>> matched = new ArrayList<>();
        for (Made m : made) {
          matched.add(clients.get((m.node() + 1) % 3).await(m.created(), "MATCHED"));
        }
        return Future.all(matched).compose(done -> {
          clock[1] = System.nanoTime();
          List<JsonObject> outcomes = done.list();
          return check(test, clients.get(0).api(), seatTokens, made, outcomes);
        });
      });
    }).onComplete(ar -> {
      if (clock[1] > 0) {
        double seconds = (clock[1] - clock[0]) / 1e9;
        System.out.printf("matchmaking: %d tickets matched into %d games through 3 nodes in %.2f s (%.0f tickets/s)%n",
            TWO_PLAYER_TICKETS + THREE_PLAYER_TICKETS, TWO_PLAYER_TICKETS / 2 + THREE_PLAYER_TICKETS / 3, seconds,
            (TWO_PLAYER_TICKETS + THREE_PLAYER_TICKETS) / seconds);
      }
      vertxes.forEach(Vertx::close);
      test.<Void>succeedingThenComplete().handle(ar.mapEmpty());
    });
  }

  /** Games hold exactly the tickets' players, in the tickets' seats, and nobody sits twice. */
  private static Future<Void> check(VertxTestContext test, ApiClient api, SeatTokens seatTokens, List<Made> made,
      List<JsonObject> outcomes) {
    Map<String, List<Integer>> ticketsByGame = new HashMap<>();
    for (int i = 0; i < made.size(); i++) {
      ticketsByGame.computeIfAbsent(outcomes.get(i).getString("game_id"), g -> new ArrayList<>()).add(i);
    }
    test.verify(() -> assertEquals(TWO_PLAYER_TICKETS / 2 + THREE_PLAYER_TICKETS / 3, ticketsByGame.size()));
    List<Future<?>> checks = new ArrayList<>();
    Set<String> seated = new HashSet<>();
    for (var e : ticketsByGame.entrySet()) {
      checks.add(api.view(e.getKey()).map(view -> {
        test.verify(() -> {
          assertEquals(200, view.status(), String.valueOf(view.body()));
          Set<String> expected = new HashSet<>();
          for (int i : e.getValue()) {
            JsonObject o = outcomes.get(i);
            expected.add(o.getString("player_id") + "/" + made.get(i).name() + "/" + o.getInteger("seat"));
            assertEquals(made.get(i).players(), view.body().getInteger("max_players"));
          }
          Set<String> actual = new HashSet<>();
          view.body().getJsonArray("players").forEach(p -> {
            JsonObject pl = (JsonObject) p;
            actual.add(pl.getString("player_id") + "/" + pl.getString("display_name") + "/" + pl.getInteger("seat"));
          });
          assertEquals(expected, actual, "game " + e.getKey());
          assertEquals("PLAYING", view.body().getString("status"));
          synchronized (seated) {
            for (int i : e.getValue()) {
              assertTrue(seated.add(made.get(i).name()), made.get(i).name() + " sits in two games");
            }
          }
        });
        return null;
      }));
    }
    for (JsonObject o : outcomes) {
      checks.add(seatTokens.verifyFor(o.getString("token"), o.getString("game_id")).map((SeatClaims c) -> {
        test.verify(() -> {
          assertEquals(o.getString("player_id"), c.playerId());
          assertEquals(o.getInteger("seat"), c.seat());
        });
        return null;
      }));
    }
    return Future.all(checks).map(v -> {
      test.verify(() -> assertEquals(made.size(), seated.size()));
      return null;
    });
  }
}
