package io.ludo.server.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ids of counted games are kept for a horizon, not forever, and no game counts twice for it. */
@ExtendWith(VertxExtension.class)
class LeaderboardHorizonTest {

  @Test
  void givenGamesCountedLongAgo_whenTheHorizonHasPassed_thenTheirIdsAreForgottenAndTheyStillCountOnce(
      Vertx vertx, VertxTestContext test) {
    RedisAPI api = RedisAPI.api(Redis.createClient(vertx, TestServices.get().redisUrl));
    long t0 = System.currentTimeMillis();
    AtomicLong clock = new AtomicLong(t0);
    Leaderboard board = new Leaderboard(new PlayRedis(api), clock::get);
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> old = List.of("old1-" + run, "old2-" + run, "old3-" + run);
    String player = "ann-" + run;

    Future<Void> first = Future.succeededFuture();
    for (String id : old) {
      first = first.compose(v -> board.record(id, view(player), t0)).map(added -> {
        test.verify(() -> assertTrue(added, id + " is counted"));
        return null;
      });
    }
    first.compose(v -> board.record(old.get(0), view(player), t0))
        .compose(again -> {
          test.verify(() -> assertFalse(again, "reported again within the horizon: not counted twice"));
          clock.set(t0 + Leaderboard.HORIZON_MS + 60_000);
          return board.record("new-" + run, view(player), clock.get());
        })
        .compose(added -> Future.all(old.stream().map(id -> api.zscore(RedisScripts.COUNTED, id)).toList())
            .compose(scores -> api.zscore(RedisScripts.COUNTED, "new-" + run).map(kept -> {
              test.verify(() -> {
                assertTrue(added);
                for (int i = 0; i < old.size(); i++) {
                  assertNull(scores.resultAt(i), old.get(i) + " is forgotten past the horizon");
                }
                assertNotNull(kept, "a game counted inside the horizon is remembered");
              });
              return null;
            })))
        // a game that finished before the horizon (reloaded long after) is not counted again
        .compose(v -> board.record(old.get(0), view(player), t0))
        .compose(again -> board.stats(player).map(stats -> {
          test.verify(() -> {
            assertFalse(again, "finished before the horizon: not counted again");
            assertEquals(4, stats.getLong("games"), "three old games and the new one, each once");
          });
          return null;
        }))
        .onComplete(test.succeedingThenComplete());
  }

  private static JsonObject view(String player) {
    return new JsonObject().put("winner", 0)
        .put("players", new JsonArray().add(new JsonObject().put("seat", 0).put("display_name", player)));
  }
}
