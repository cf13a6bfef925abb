package io.ludo.server.play;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.ludo.server.SyntheticLogs;
import io.ludo.server.TestNodes;
import io.ludo.server.TestServices;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catch-up from Postgres goes past a game whose log it cannot fold instead of stopping at it. */
@ExtendWith(VertxExtension.class)
class LeaderboardCatchUpTest {

  @Test
  void givenAFinishedGameWhoseLogDoesNotFold_whenTheBoardIsRebuilt_thenTheCatchUpCompletesWithoutCountingIt(
      Vertx vertx, VertxTestContext test) {
    String unreadable = "unfoldable-" + UUID.randomUUID();
    // a Redis database of its own: no mark there, so the board is rebuilt from every finished game
    RedisAPI api = RedisAPI.api(Redis.createClient(vertx, TestServices.get().redisUrl + "/9"));
    PlayRedis redis = new PlayRedis(api);
    LeaderboardSync sync = new LeaderboardSync(vertx, redis, new Leaderboard(redis), "catch-up-test");
    TestNodes.start(vertx)
        // one event that says the game finished and carries none of what a finish carries
        .compose(node -> SyntheticLogs.append(vertx, unreadable, 0, 1, "GAME_FINISHED", "FINISHED", null))
        .compose(v -> api.flushdb(java.util.List.of()))
        .compose(v -> sync.run())
        .compose(counted -> api.zscore(RedisScripts.COUNTED, unreadable))
        .map(score -> {
          test.verify(() -> assertNull(score, "a log that does not fold is not counted"));
          return null;
        })
        .onComplete(test.succeedingThenComplete());
  }
}
