package io.ludo.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.TestServices;
import io.ludo.server.game.GameIds;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One statement per group commit: the appends of many games are written together, a stale or
 * fenced writer is refused alone, and each command's reply is kept in its last event's row.
 */
@ExtendWith(VertxExtension.class)
class GroupCommitTest {

  private static Append append(String gameId, int expectedSeq, int events, long epoch, String commandId, long sendInMs) {
    List<EventRow> rows = new java.util.ArrayList<>();
    for (int i = 1; i <= events; i++) {
      String type = expectedSeq + i == 1 ? "GAME_CREATED" : "DICE_ROLLED";
      rows.add(new EventRow(expectedSeq + i, type, new JsonObject().put("seq", expectedSeq + i).put("type", type).encode()));
    }
    return new Append(gameId, "room", "test-node", epoch, expectedSeq, "PLAYING", rows, commandId,
        commandId == null ? null : "{\"type\":\"roll\"}", commandId == null ? null : new JsonObject().put("ok", commandId).encode(),
        new byte[] {1, 2, 3}, System.nanoTime() + sendInMs * 1_000_000, null, null, Promise.promise());
  }

  @Test
  void aStaleWriterIsRefusedAloneWhileTheOthersOfItsBatchAreStored(Vertx vertx, VertxTestContext test) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestServices.get().dbUrl)).using(vertx).build();
    String first = GameIds.next();
    String second = GameIds.next();
    // one transaction at a time: the first append is written alone, the next three queue as one batch
    GroupCommit commit = new GroupCommit(pool, 512, 1, (appends, events, nanos) -> { });
    Append created = append(first, 0, 2, 1, null, 5_000);
    Append stale = append(first, 7, 1, 1, "c-stale", 5_000);
    Append other = append(second, 0, 1, 1, null, 5_000);
    Append next = append(first, 2, 1, 1, "c-next", 5_000);
    Migrations.apply(vertx, pool).compose(v -> {
      commit.submit(created);
      commit.submit(stale);
      commit.submit(other);
      return created.done().future();
    }).compose(v -> Future.join(stale.done().future(), other.done().future()).transform(ar -> {
      test.verify(() -> {
        assertInstanceOf(StaleAppendException.class, stale.done().future().cause());
        assertTrue(other.done().future().succeeded(), "the other game's append is stored");
      });
      commit.submit(next);
      return next.done().future();
    })).compose(v -> pool.preparedQuery(Sql.RECENT_COMMANDS).execute(Tuple.of(first, 10)))
        .onComplete(test.succeeding(rows -> test.verify(() -> {
          assertEquals(1, rows.size(), "only the stored command is remembered");
          var row = rows.iterator().next();
          assertEquals("c-next", row.getString(0));
          assertEquals(new JsonObject().put("ok", "c-next"), row.getJsonObject(1));
          pool.close();
          test.completeNow();
        })));
  }

  @Test
  void anAppendWhoseOwnerStoppedWaitingIsNeverSent(Vertx vertx, VertxTestContext test) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestServices.get().dbUrl)).using(vertx).build();
    String game = GameIds.next();
    GroupCommit commit = new GroupCommit(pool, 512, 1, (appends, events, nanos) -> { });
    Append late = append(game, 0, 1, 1, null, -1);
    Migrations.apply(vertx, pool).compose(v -> {
      commit.submit(late);
      return late.done().future().transform(ar -> Future.succeededFuture(ar.cause()));
    }).compose(cause -> pool.preparedQuery(Sql.GAME_EXISTS).execute(Tuple.of(game)).map(rows -> List.of(cause, rows.size())))
        .onComplete(test.succeeding(found -> test.verify(() -> {
          assertInstanceOf(NotSentException.class, found.get(0));
          assertEquals(0, found.get(1), "nothing of it in Postgres");
          pool.close();
          test.completeNow();
        })));
  }
}
