package io.ludo.server.play;

import static io.ludo.server.play.LeaderboardTest.stats;
import static io.ludo.server.play.LeaderboardTest.unique;
import static io.ludo.server.play.LeaderboardTest.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.rules.Phase;
import io.ludo.server.ApiClient;
import io.ludo.server.RestGame;
import io.ludo.server.TestNodes;
import io.ludo.server.bus.Addresses;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis is a helper, never a dependency of play: without it games go on, matchmaking and the
 * leaderboard answer 503, rate limits let requests through; once it is back (empty), the
 * leaderboard catches up from Postgres, counting no game twice. Uses a Redis of its own.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 3, timeUnit = TimeUnit.MINUTES)
class RedisOutageTest {

  @Test
  void gamesGoOnWhileRedisIsDownAndTheLeaderboardCatchesUpOnceItIsBack(Vertx vertx, VertxTestContext test)
      throws Exception {
    int port = EmbeddedServices.freePort();
    EmbeddedServices[] redis = {new EmbeddedServices()};
    String url = redis[0].startRedis(port);
    String ann = unique("ann");
    String bob = unique("bob");
    TestNodes.start(vertx, Map.of(ConfigKey.REDIS_URL, url)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api, ann, bob)
          .compose(game -> game.play(10).map(p -> game))
          .compose(game -> vertx.executeBlocking(() -> {
            redis[0].close();
            return game;
          }))
          // the game goes on to its end without Redis; its owner cannot count it now
          .compose(game -> game.play(20_000).map(p -> {
            test.verify(() -> assertEquals(Phase.FINISHED, p.phase()));
            return game;
          }))
          .compose(game -> Future.all(api.get("/leaderboard"), api.get("/players/" + ann + "/stats"),
              api.post("/matchmaking/tickets", null, new JsonObject().put("player_name", ann).put("players", 2)))
              .map(down -> {
                test.verify(() -> {
                  for (int i = 0; i < 3; i++) {
                    ApiClient.Reply r = down.resultAt(i);
                    assertEquals(503, r.status(), String.valueOf(r.body()));
                    assertEquals("UNAVAILABLE", r.code());
                  }
                  assertEquals("leaderboard store unreachable", ((ApiClient.Reply) down.resultAt(0)).body().getString("detail"));
                  assertEquals("matchmaking store unreachable", ((ApiClient.Reply) down.resultAt(2)).body().getString("detail"));
                });
                return game;
              }))
          .compose(game -> vertx.executeBlocking(() -> {
            redis[0] = new EmbeddedServices();
            redis[0].startRedis(port); // empty: the board is rebuilt from Postgres
            return game;
          }))
          .compose(game -> api.view(game.gameId).compose(view -> {
            int winner = view.body().getInteger("winner");
            String winnerName = winner == 0 ? ann : bob;
            String loserName = winner == 0 ? bob : ann;
            return until(vertx, api, "/players/" + winnerName + "/stats", stats(1, 1), 300)
                .compose(w -> until(vertx, api, "/players/" + loserName + "/stats", stats(1, 0), 100))
                // a late report of the same game changes nothing
                .compose(l -> {
                  vertx.eventBus().send(Addresses.GAMES_FINISHED,
                      new JsonObject().put("game_id", game.gameId).put("view", view.body()),
                      new DeliveryOptions().setLocalOnly(true));
                  return vertx.timer(500);
                })
                .compose(t -> api.get("/players/" + winnerName + "/stats"))
                .map(again -> {
                  test.verify(() -> assertEquals(1, again.body().getInteger("games")));
                  return null;
                });
          }));
    }).eventually(() -> vertx.executeBlocking(() -> {
      redis[0].close();
      return null;
    })).onComplete(test.succeedingThenComplete());
  }

  @Test
  void withoutRedisRateLimitsLetRequestsThrough(Vertx vertx, VertxTestContext test) throws Exception {
    String nowhere = "redis://127.0.0.1:" + EmbeddedServices.freePort();
    TestNodes.start(vertx, Map.of(ConfigKey.REDIS_URL, nowhere, ConfigKey.RATE_LIMIT_REQUESTS_PER_S, 1,
        ConfigKey.RATE_LIMIT_COMMANDS_PER_S, 1)).compose(node -> {
          ApiClient api = new ApiClient(vertx, node.httpPort());
          return RestGame.open(api).compose(game -> game.play(6).map(p -> game))
              .compose(game -> Future.all(api.view(game.gameId), api.view(game.gameId), api.view(game.gameId)))
              .map(views -> {
                test.verify(() -> {
                  for (int i = 0; i < views.size(); i++) {
                    assertEquals(200, ((ApiClient.Reply) views.resultAt(i)).status());
                  }
                });
                return null;
              });
        }).onComplete(test.succeedingThenComplete());
  }
}
