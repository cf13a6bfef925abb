package io.ludo.server.play;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.SyntheticLogs;
import io.ludo.server.TestNodes;
import io.ludo.server.TestServices;
import io.ludo.server.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catch-up from Postgres looks back only inside the horizon in which counted games are remembered. */
@ExtendWith(VertxExtension.class)
class LeaderboardLookbackTest {

  @Test
  void givenAGameFinishedBeforeTheHorizon_whenTheCatchUpPagesFromAnOldMark_thenItIsNotVisited(
      Vertx vertx, VertxTestContext test) {
    String old = "finished-outside-" + UUID.randomUUID();
    String recent = "finished-inside-" + UUID.randomUUID();
    Pool db = PgBuilder.pool().connectingTo(TestServices.get().dbUrl).using(vertx).build();
    LeaderboardSync sync = new LeaderboardSync(vertx, null, new Leaderboard(null), "lookback-test");
    TestNodes.start(vertx)
        .compose(node -> SyntheticLogs.append(vertx, old, 0, 1, "GAME_FINISHED", "FINISHED", null))
        .compose(v -> SyntheticLogs.append(vertx, recent, 0, 1, "GAME_FINISHED", "FINISHED", null))
        // the old one just outside the look-back, the recent one just inside: each first on its side of the page
        .compose(v -> db.preparedQuery("UPDATE games SET updated_at = now() - make_interval(days => $2) WHERE game_id = $1")
            .executeBatch(java.util.List.of(Tuple.of(old, 8), Tuple.of(recent, 5))))
        .compose(v -> vertx.eventBus().<JsonObject>request(Addresses.PERSIST_FINISHED,
            sync.finishedQuery("2000-01-01 00:00:00+00", "", 0)))
        .map(reply -> {
          String ids = reply.body().getJsonArray("games").encode();
          test.verify(() -> {
            assertTrue(ids.contains(recent), ids);
            assertFalse(ids.contains(old), "before the horizon: " + ids);
          });
          return null;
        })
        .eventually(db::close)
        .onComplete(test.succeedingThenComplete());
  }
}
