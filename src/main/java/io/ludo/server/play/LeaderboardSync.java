package io.ludo.server.play;

import io.ludo.game.Game;
import io.ludo.game.GameEvent;
import io.ludo.game.GameState;
import io.ludo.json.GameEventJson;
import io.ludo.json.GameViewJson;
import io.ludo.server.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postgres is the authority on which games finished; Redis only counts them. This catch-up pages
 * through the finished games of Postgres from a mark kept in Redis (minus a slack, for
 * transactions that committed late) and counts every one not counted yet, folding its events
 * into its view. Counting is idempotent by game id, so a rescan, two nodes syncing at once or a
 * report arriving meanwhile never count a game twice; a lock in Redis keeps nodes from doing the
 * same work. It looks back no further than {@link Leaderboard#LOOKBACK_MS}, inside the horizon
 * during which counted ids are remembered. When Redis lost its data, the mark is gone too and the
 * board is rebuilt whole.
 */
final class LeaderboardSync {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderboardSync.class);
  private static final int PAGE = 200;
  /** Pages per run, at most; the next run goes on from the mark. */
  private static final int MAX_PAGES = 50;
  private static final double SLACK_S = 60;
  private static final long LOCK_MS = 120_000;
  private static final int MAX_EVENTS = 100_000;

  private final Vertx vertx;
  private final PlayRedis redis;
  private final Leaderboard board;
  private final String nodeId;
  private final DeliveryOptions local = new DeliveryOptions().setLocalOnly(true).setSendTimeout(10_000);

  LeaderboardSync(Vertx vertx, PlayRedis redis, Leaderboard board, String nodeId) {
    this.vertx = vertx;
    this.redis = redis;
    this.board = board;
    this.nodeId = nodeId;
  }

  /** Counts what Postgres finished and Redis did not count; answers how many games were counted now. */
  Future<Integer> run() {
    return redis.call(a -> a.set(List.of(RedisScripts.SYNC_LOCK, nodeId, "NX", "PX", String.valueOf(LOCK_MS))),
        Leaderboard.DETAIL).compose(locked -> {
          if (locked == null) {
            return Future.succeededFuture(0); // another node is at it
          }
          return redis.call(a -> a.get(RedisScripts.SYNC_MARK), Leaderboard.DETAIL)
              .compose(mark -> page(mark == null ? "-infinity" : mark.toString(), "", SLACK_S, 0, 0))
              .eventually(() -> redis.call(a -> a.del(List.of(RedisScripts.SYNC_LOCK)), Leaderboard.DETAIL));
        });
  }

  private Future<Integer> page(String afterUpdated, String afterId, double slack, int pages, int counted) {
    JsonObject q = finishedQuery(afterUpdated, afterId, slack);
    return vertx.eventBus().<JsonObject>request(Addresses.PERSIST_FINISHED, q, local).compose(reply -> {
      JsonArray games = reply.body().getJsonArray("games");
      List<String> ids = new ArrayList<>();
      games.forEach(g -> ids.add(((JsonObject) g).getString("game_id")));
      return board.uncounted(ids).compose(this::countAll).compose(now -> {
        if (games.isEmpty()) {
          return Future.succeededFuture(counted + now);
        }
        JsonObject last = games.getJsonObject(games.size() - 1);
        String updated = last.getString("updated");
        Future<?> marked = redis.call(a -> a.set(List.of(RedisScripts.SYNC_MARK, updated)), Leaderboard.DETAIL);
        if (games.size() < PAGE || pages + 1 >= MAX_PAGES) {
          return marked.map(v -> counted + now);
        }
        return marked.compose(v -> page(updated, last.getString("game_id"), 0, pages + 1, counted + now));
      });
    });
  }

  /** The page of finished games after a point, for {@link Addresses#PERSIST_FINISHED}. */
  JsonObject finishedQuery(String afterUpdated, String afterId, double slack) {
    return new JsonObject().put("after_updated", afterUpdated).put("after_game_id", afterId)
        .put("slack_s", slack).put("limit", PAGE).put("not_before", notBefore(afterUpdated));
  }

  /**
   * Where the catch-up starts at the earliest: within the leaderboard's horizon, where a game
   * counted is still known as counted. Only a board rebuilt whole (no mark) goes further back.
   */
  private String notBefore(String afterUpdated) {
    return "-infinity".equals(afterUpdated) ? "-infinity"
        : java.time.Instant.ofEpochMilli(board.now() - Leaderboard.LOOKBACK_MS).toString();
  }

  private Future<Integer> countAll(List<String> ids) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (String id : ids) {
      chain = chain.compose(n -> count(id).map(added -> added ? n + 1 : n));
    }
    return chain;
  }

  private Future<Boolean> count(String gameId) {
    JsonObject q = new JsonObject().put("game_id", gameId).put("from_seq", 1).put("limit", MAX_EVENTS);
    return vertx.eventBus().<JsonObject>request(Addresses.PERSIST_READ, q, local).compose(reply -> {
      GameState state;
      try {
        state = fold(reply.body().getJsonArray("events"));
      } catch (RuntimeException unreadable) {
        // a log that does not fold is no reason to stop counting every game after it
        LOG.error("game {}'s log does not fold ({}): the leaderboard does not count it", gameId, String.valueOf(unreadable));
        return Future.succeededFuture(false);
      }
      // counted now: the catch-up visits only games inside the horizon, or all of them once when rebuilding
      return board.record(gameId, GameViewJson.write(state, Set.of()), board.now());
    }).onSuccess(added -> {
      if (added) {
        LOG.info("leaderboard caught up with game {}", gameId);
      }
    });
  }

  private static GameState fold(JsonArray events) {
    List<GameEvent> history = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      history.add(GameEventJson.read(events.getJsonObject(i)).event());
    }
    return Game.fold(history);
  }
}
