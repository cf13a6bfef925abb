package io.ludo.server.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.rules.Phase;
import io.ludo.server.ApiClient;
import io.ludo.server.Node;
import io.ludo.server.RestGame;
import io.ludo.server.TestNodes;
import io.ludo.server.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The leaderboard counts every finished game once, whoever reports it how often; bots are not ranked. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class LeaderboardTest {

  static String unique(String name) {
    return name + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
  }

  /** A finished game's view as its owner reports it: seats 0 and 2 people, seat 1 a bot. */
  static JsonObject finished(String gameId, String seat0, String seat2, int winner) {
    JsonArray players = new JsonArray()
        .add(new JsonObject().put("player_id", "p_a").put("display_name", seat0).put("seat", 0).put("bot", false).put("left", false))
        .add(new JsonObject().put("player_id", "p_b").put("display_name", "Robo").put("seat", 1).put("bot", true).put("left", false))
        .add(new JsonObject().put("player_id", "p_c").put("display_name", seat2).put("seat", 2).put("bot", false).put("left", true));
    return new JsonObject().put("game_id", gameId)
        .put("view", new JsonObject().put("game_id", gameId).put("status", "FINISHED").put("players", players)
            .put("winner", winner).put("finished", new JsonArray().add(winner)));
  }

  /** Reads until {@code done} holds: counting is asynchronous to the report. Bounded. */
  static Future<ApiClient.Reply> until(Vertx vertx, ApiClient api, String uri, Predicate<ApiClient.Reply> done, int tries) {
    return api.get(uri).compose(r -> {
      if (done.test(r)) {
        return Future.succeededFuture(r);
      }
      if (tries <= 0) {
        return Future.failedFuture(new AssertionError(uri + " never became as expected; last " + r.status() + " " + r.body()));
      }
      return vertx.timer(100).compose(t -> until(vertx, api, uri, done, tries - 1));
    });
  }

  static Predicate<ApiClient.Reply> stats(int games, int wins) {
    return r -> r.status() == 200 && r.body().getInteger("games") == games && r.body().getInteger("wins") == wins;
  }

  @Test
  void aGameReportedManyTimesCountsOnceAndBotsAreNotRanked(Vertx vertx, VertxTestContext test) {
    String ann = unique("ann");
    String bob = unique("bob");
    String first = unique("g");
    String second = unique("g");
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      DeliveryOptions local = new DeliveryOptions().setLocalOnly(true);
      for (int i = 0; i < 3; i++) {
        vertx.eventBus().send(Addresses.GAMES_FINISHED, finished(first, ann, bob, 0), local);
      }
      return until(vertx, api, "/players/" + ann + "/stats", stats(1, 1), 100)
          .compose(a -> {
            vertx.eventBus().send(Addresses.GAMES_FINISHED, finished(second, ann, bob, 2), local);
            vertx.eventBus().send(Addresses.GAMES_FINISHED, finished(first, ann, bob, 0), local);
            return until(vertx, api, "/players/" + bob + "/stats", stats(2, 1), 100);
          })
          .compose(b -> Future.all(api.get("/players/" + ann + "/stats"), api.get("/players/Robo/stats"),
              api.get("/leaderboard?limit=1000"), api.get("/players/" + unique("nobody") + "/stats")))
          .map(all -> {
            ApiClient.Reply a = all.resultAt(0);
            ApiClient.Reply robo = all.resultAt(1);
            JsonArray entries = ((ApiClient.Reply) all.resultAt(2)).body().getJsonArray("entries");
            ApiClient.Reply nobody = all.resultAt(3);
            test.verify(() -> {
              assertEquals(new JsonObject().put("player_name", ann).put("wins", 1).put("games", 2).put("win_rate", 0.5),
                  a.body());
              assertEquals(0, robo.body().getInteger("games"), "bots are not ranked");
              assertEquals(0, nobody.body().getInteger("games"));
              assertEquals(0.0, nobody.body().getDouble("win_rate"));
              long wins = Long.MAX_VALUE;
              boolean annListed = false;
              for (int i = 0; i < entries.size(); i++) {
                JsonObject e = entries.getJsonObject(i);
                assertTrue(e.getLong("wins") <= wins, "most wins first");
                wins = e.getLong("wins");
                annListed |= ann.equals(e.getString("player_name"));
                assertTrue(!"Robo".equals(e.getString("player_name")));
              }
              assertTrue(annListed || entries.size() == 1000);
            });
            return null;
          });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aGamePlayedToItsEndIsOnTheBoard(Vertx vertx, VertxTestContext test) {
    String ann = unique("ann");
    String bob = unique("bob");
    TestNodes.start(vertx).compose((Node node) -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api, ann, bob).compose(game -> game.play(20_000).map(p -> {
        test.verify(() -> assertEquals(Phase.FINISHED, p.phase()));
        return game;
      })).compose(game -> api.view(game.gameId)).compose(view -> {
        int winner = view.body().getInteger("winner");
        String winnerName = winner == 0 ? ann : bob;
        String loserName = winner == 0 ? bob : ann;
        return until(vertx, api, "/players/" + winnerName + "/stats", stats(1, 1), 100)
            .compose(w -> until(vertx, api, "/players/" + loserName + "/stats", stats(1, 0), 100));
      }).mapEmpty();
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void badQueriesAreRefused(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      List<String> bad = List.of("/leaderboard?limit=0", "/leaderboard?limit=1001", "/leaderboard?limit=ten",
          "/leaderboard?limit=1&limit=2", "/players/" + "x".repeat(33) + "/stats");
      return Future.all(bad.stream().map(api::get).toList()).compose(all -> api.get("/leaderboard").map(ok -> {
        test.verify(() -> {
          for (int i = 0; i < bad.size(); i++) {
            ApiClient.Reply r = all.resultAt(i);
            assertEquals(400, r.status(), bad.get(i) + ": " + r.body());
            assertEquals("INVALID_INPUT", r.code());
          }
          assertEquals(200, ok.status());
          assertTrue(ok.body().getJsonArray("entries").size() <= 100);
        });
        return null;
      }));
    }).onComplete(test.succeedingThenComplete());
  }
}
