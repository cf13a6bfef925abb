package io.ludo.server.play;

import static io.ludo.server.play.RedisScripts.COUNTED;
import static io.ludo.server.play.RedisScripts.GAMES;
import static io.ludo.server.play.RedisScripts.LEGACY_COUNTED;
import static io.ludo.server.play.RedisScripts.WINS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Wins and games per player name, in Redis sorted sets. A finished game is counted once, by its
 * id ({@link RedisScripts#RECORD_GAME}), however often it is reported (retries, takeovers, the
 * catch-up from Postgres), within {@link #HORIZON_MS}: the ids counted are kept that long, a game
 * that finished before it is not counted any more, and the catch-up looks back less far. Bots are
 * not ranked; a player who left still played the game.
 */
public final class Leaderboard {
  static final String DETAIL = "leaderboard store unreachable";
  /** Where the names start among {@link RedisScripts#RECORD_GAME}'s arguments (the winner's index just before). */
  private static final int RECORD_NAMES_AT = 5;

  /** How long a counted game's id is remembered. */
  static final long HORIZON_MS = java.util.concurrent.TimeUnit.DAYS.toMillis(7);
  /** How far back the catch-up looks: a day inside the horizon, for the clocks of nodes and Postgres to differ. */
  static final long LOOKBACK_MS = HORIZON_MS - java.util.concurrent.TimeUnit.DAYS.toMillis(1);

  private final PlayRedis redis;
  private final LongSupplier clock;

  public Leaderboard(PlayRedis redis) {
    this(redis, System::currentTimeMillis);
  }

  Leaderboard(PlayRedis redis, LongSupplier clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** Now, by the clock the horizon is counted with. */
  long now() {
    return clock.getAsLong();
  }

  /**
   * Counts a game that finished at {@code finishedAt} (ms) from its view (API.md's game view);
   * answers whether it was new.
   */
  public Future<Boolean> record(String gameId, JsonObject view, long finishedAt) {
    long now = now();
    List<String> args = new ArrayList<>(List.of(gameId, String.valueOf(now), String.valueOf(now - HORIZON_MS),
        String.valueOf(finishedAt), "0"));
    Integer winner = view.getInteger("winner");
    JsonArray players = view.getJsonArray("players", new JsonArray());
    for (int i = 0; i < players.size(); i++) {
      JsonObject p = players.getJsonObject(i);
      if (Boolean.TRUE.equals(p.getBoolean("bot"))) {
        continue;
      }
      args.add(p.getString("display_name"));
      if (winner != null && winner.equals(p.getInteger("seat"))) {
        args.set(RECORD_NAMES_AT - 1, String.valueOf(args.size() - RECORD_NAMES_AT));
      }
    }
    return redis.script(RedisScripts.RECORD_GAME, List.of(COUNTED, LEGACY_COUNTED, WINS, GAMES), args, DETAIL)
        .map(r -> r.toInteger() == 1);
  }

  /** {@code {"entries":[{"player_name","wins","games","win_rate"}]}}, most wins first. */
  public Future<JsonObject> top(int limit) {
    return redis.script(RedisScripts.TOP, List.of(WINS, GAMES), List.of(String.valueOf(limit)), DETAIL).map(r -> {
      JsonArray entries = new JsonArray();
      for (int i = 0; i + 2 < r.size(); i += 3) {
        entries.add(entry(r.get(i).toString(), count(r.get(i + 1)), count(r.get(i + 2))));
      }
      return new JsonObject().put("entries", entries);
    });
  }

  /** {@code {"player_name","games","wins","win_rate"}}; a name never seen has zeros. */
  public Future<JsonObject> stats(String name) {
    Future<Long> wins = score(WINS, name);
    Future<Long> games = score(GAMES, name);
    return Future.all(wins, games).map(v -> entry(name, wins.result(), games.result()));
  }

  /** Which of these game ids were not counted yet. */
  public Future<List<String>> uncounted(List<String> gameIds) {
    if (gameIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return redis.script(RedisScripts.UNCOUNTED, List.of(COUNTED, LEGACY_COUNTED), gameIds, DETAIL).map(Matchmaking::strings);
  }

  private Future<Long> score(String key, String name) {
    return redis.call(a -> a.zscore(key, name), DETAIL).map(r -> r == null ? 0L : count(r));
  }

  /** A score, whether Redis answers it as a string ("3") or as a double (RESP3). */
  private static long count(io.vertx.redis.client.Response r) {
    return (long) Double.parseDouble(r.toString());
  }

  private static JsonObject entry(String name, long wins, long games) {
    double rate = games == 0 ? 0.0 : Math.round(10_000.0 * wins / games) / 10_000.0;
    return new JsonObject().put("player_name", name).put("wins", wins).put("games", games).put("win_rate", rate);
  }
}
