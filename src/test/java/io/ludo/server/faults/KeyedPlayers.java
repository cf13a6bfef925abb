package io.ludo.server.faults;

import io.ludo.server.ApiClient;
import io.ludo.server.RestGame;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Careful clients of the database fault tests: each game played over REST with a fresh
 * Idempotency-Key per command, resent with it after a 503 or no answer, every attempt recorded in
 * a {@link KeyedHistory}; and the history's verdict against what Postgres holds.
 */
final class KeyedPlayers {
  private static final AtomicInteger KEYS = new AtomicInteger();
  private static final int MAX_RESENDS = 60;

  private KeyedPlayers() {}

  /** Plays {@code game} until {@code end} (System.nanoTime) or its end. */
  static Future<Void> play(Vertx vertx, ApiClient api, RestGame game, KeyedHistory history, long end) {
    if (System.nanoTime() - end > 0) {
      return Future.succeededFuture();
    }
    return api.view(game.gameId).transform(ar -> {
      if (ar.failed() || ar.result().status() != 200) {
        return pause(vertx).compose(x -> play(vertx, api, game, history, end));
      }
      JsonObject v = ar.result().body();
      if ("FINISHED".equals(v.getString("status"))) {
        return Future.succeededFuture();
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

  /**
   * Opens {@code count} games and plays them, and new games after finished ones, for
   * {@code playMs}, while {@code fault} (started once the games are open) does its work; answers
   * every game played once the players and the fault are done.
   */
  static Future<List<RestGame>> playThrough(Vertx vertx, ApiClient api, int count, long playMs, KeyedHistory history,
      java.util.function.Supplier<Future<Void>> fault) {
    List<Future<RestGame>> opened = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opened.add(RestGame.open(api));
    }
    return Future.all(opened).compose(all -> {
      List<RestGame> games = new ArrayList<>(all.list());
      long end = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(playMs);
      List<Future<Void>> players = new ArrayList<>();
      // a player starts a new game when one ends: the fault always meets games in play
      List.copyOf(games).forEach(g -> players.add(keepPlaying(vertx, api, g, history, end, games)));
      return Future.all(fault.get(), Future.all(players)).map(v -> games);
    });
  }

  /**
   * Plays {@code first}, then new games one after another, until {@code end}: a fault at any time
   * of the run meets games in play. Every game played is added to {@code played}.
   */
  static Future<Void> keepPlaying(Vertx vertx, ApiClient api, RestGame first, KeyedHistory history, long end,
      List<RestGame> played) {
    return play(vertx, api, first, history, end).compose(v -> {
      if (System.nanoTime() - end > 0) {
        return Future.succeededFuture();
      }
      return open(vertx, api, end).compose(next -> {
        if (next == null) {
          return Future.succeededFuture();
        }
        synchronized (played) {
          played.add(next);
        }
        return keepPlaying(vertx, api, next, history, end, played);
      });
    });
  }

  /** A new game, retried while the database is away; null when {@code end} came first. */
  private static Future<RestGame> open(Vertx vertx, ApiClient api, long end) {
    if (System.nanoTime() - end > 0) {
      return Future.succeededFuture(null);
    }
    return RestGame.open(api).recover(e -> pause(vertx).compose(v -> open(vertx, api, end)));
  }

  private static Future<Void> attempt(Vertx vertx, ApiClient api, String uri, String token, JsonObject body,
      KeyedHistory.Operation op, KeyedHistory history, int resends) {
    return api.post(uri, token, body, op.key()).transform(ar -> {
      int status = ar.succeeded() ? ar.result().status() : 0;
      history.answered(op, status, ar.succeeded() ? ar.result().body() : null);
      if ((status == 0 || status == 503) && resends < MAX_RESENDS) {
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

  /** The history against each game's command rows and event log, read straight from Postgres at {@code dbUrl}. */
  static Future<KeyedHistory.Verdict> verdict(Vertx vertx, List<RestGame> games, KeyedHistory history, String dbUrl) {
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
            synchronized (stored) {
              stored.put(g.gameId, byId);
            }
            return null;
          }));
      reads.add(db.preparedQuery("SELECT payload FROM game_events WHERE game_id = $1 ORDER BY seq")
          .execute(Tuple.of(g.gameId)).map(rows -> {
            JsonArray log = new JsonArray();
            for (Row r : rows) {
              log.add(r.getJsonObject(0));
            }
            synchronized (logs) {
              logs.put(g.gameId, log);
            }
            return null;
          }));
    }
    return Future.all(reads).map(v -> history.check(stored, logs)).eventually(db::close);
  }
}
