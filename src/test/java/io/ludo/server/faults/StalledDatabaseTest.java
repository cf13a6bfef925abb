package io.ludo.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.RestGame;
import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that stalls (SIGSTOP of every Postgres process, longer than the command timeout,
 * twice) while games are played by clients that resend each command with its Idempotency-Key
 * after a 503 or no answer: every roll and move is applied exactly once, every resend of an
 * applied command gets its first reply, and nothing that was applied is answered 4xx.
 */
@ExtendWith(VertxExtension.class)
class StalledDatabaseTest {
  private static final int GAMES = 6;
  private static final long STALL_MS = 5_000;
  /** Both stalls and a little after: 2 s of play, 5 s stalled, 2 s, 5 s stalled, then until the end. */
  private static final long PLAY_MS = 17_000;
  private static final AtomicInteger KEYS = new AtomicInteger();
  private static EmbeddedServices services;
  private static Path dataDir;
  private static String dbUrl;

  @BeforeAll
  static void ownDatabase() throws Exception {
    services = new EmbeddedServices();
    dataDir = Files.createTempDirectory("ludo-stall-");
    dbUrl = services.startPostgres(dataDir, 0, false);
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    new PostgresStall(dataDir).resume();
    services.close();
  }

  @Test
  @Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
  void everyCommandIsAppliedOnceAndEveryResendAnsweredWithItsFirstReply(Vertx vertx, VertxTestContext test) {
    KeyedHistory history = new KeyedHistory();
    PostgresStall stall = new PostgresStall(dataDir);
    TestNodes.start(vertx, Map.of(ConfigKey.DB_URL, dbUrl)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      List<Future<RestGame>> opened = new ArrayList<>();
      for (int i = 0; i < GAMES; i++) {
        opened.add(RestGame.open(api));
      }
      return Future.all(opened).compose(all -> {
        List<RestGame> games = all.list();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PLAY_MS);
        // two stalls, each longer than the 3 s command timeout, while every game is played
        Future<Void> stalls = stallAt(vertx, stall, 2_000).compose(v -> stallAt(vertx, stall, 2_000));
        List<Future<Void>> players = new ArrayList<>();
        games.forEach(g -> players.add(play(vertx, api, g, history, end)));
        return Future.all(stalls, Future.all(players)).compose(v -> verify(vertx, api, games, history, test));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  /** After {@code delayMs}, stops Postgres for {@link #STALL_MS}, then lets it go on. */
  private static Future<Void> stallAt(Vertx vertx, PostgresStall stall, long delayMs) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(delayMs, a -> vertx.<Void>executeBlocking(() -> {
      stall.stop();
      return null;
    }).onComplete(stopped -> vertx.setTimer(STALL_MS, b -> vertx.<Void>executeBlocking(() -> {
      stall.resume();
      return null;
    }).onComplete(done))));
    return done.future();
  }

  /** Plays {@code game} until {@code end}: each command with a new key, resent with it until answered. */
  private static Future<Void> play(Vertx vertx, ApiClient api, RestGame game, KeyedHistory history, long end) {
    if (System.nanoTime() - end > 0) {
      return Future.succeededFuture();
    }
    return api.view(game.gameId).compose(view -> {
      JsonObject v = view.body();
      if (view.status() != 200 || "FINISHED".equals(v.getString("status"))) {
        return view.status() == 200 ? Future.succeededFuture() : pause(vertx).compose(x -> play(vertx, api, game, history, end));
      }
      int seat = v.getInteger("current");
      boolean roll = "ROLL".equals(v.getString("phase"));
      String type = roll ? "roll" : "move";
      JsonObject body = roll ? null : new JsonObject().put("player_id", game.playerBySeat.get(seat))
          .put("token_index", v.getJsonArray("legal_moves").getInteger(0));
      KeyedHistory.Operation op = history.invoke(game.gameId, "k" + KEYS.incrementAndGet(), type);
      return attempt(vertx, api, "/games/" + game.gameId + "/" + type, game.tokenBySeat.get(seat), body, op, history, 0)
          .compose(x -> play(vertx, api, game, history, end));
    });
  }

  private static Future<Void> attempt(Vertx vertx, ApiClient api, String uri, String token, JsonObject body,
      KeyedHistory.Operation op, KeyedHistory history, int resends) {
    return api.post(uri, token, body, op.key()).transform(ar -> {
      int status = ar.succeeded() ? ar.result().status() : 0;
      history.answered(op, status, ar.succeeded() ? ar.result().body() : null);
      if ((status == 0 || status == 503) && resends < 40) {
        return pause(vertx).compose(x -> attempt(vertx, api, uri, token, body, op, history, resends + 1));
      }
      return Future.succeededFuture();
    });
  }

  private static Future<Void> pause(Vertx vertx) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(100, id -> p.complete());
    return p.future();
  }

  private static Future<Void> verify(Vertx vertx, ApiClient api, List<RestGame> games, KeyedHistory history,
      VertxTestContext test) {
    Pool db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(dbUrl)).using(vertx).build();
    Map<String, Map<String, JsonObject>> stored = new HashMap<>();
    Map<String, JsonArray> logs = new HashMap<>();
    List<Future<?>> reads = new ArrayList<>();
    for (RestGame g : games) {
      reads.add(db.preparedQuery("SELECT command_id, seq, reply FROM game_events WHERE game_id = $1 AND command_id IS NOT NULL")
          .execute(Tuple.of(g.gameId)).map(rows -> {
            Map<String, JsonObject> byId = new HashMap<>();
            for (Row r : rows) {
              byId.put(r.getString(0), new JsonObject().put("seq", r.getInteger(1)).put("reply", r.getJsonObject(2)));
            }
            stored.put(g.gameId, byId);
            return null;
          }));
      reads.add(api.get("/games/" + g.gameId + "/events").map(r -> logs.put(g.gameId, r.body().getJsonArray("events"))));
    }
    return Future.all(reads).map(v -> {
      List<String> wrong = history.discrepancies(stored, logs);
      System.out.printf("stalled database: %d operations, %d acknowledged attempts, %d answered 503, %d unanswered,"
          + " %d discrepancies%n", history.operations(), history.attemptsWith(200), history.attemptsWith(503),
          history.attemptsWith(0), wrong.size());
      test.verify(() -> {
        assertTrue(history.attemptsWith(503) + history.attemptsWith(0) > 0, "the stalls were felt by the clients");
        assertEquals(List.of(), wrong);
      });
      return null;
    }).<Void>mapEmpty().eventually(db::close);
  }
}
