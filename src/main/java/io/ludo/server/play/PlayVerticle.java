package io.ludo.server.play;

import io.ludo.server.auth.SeatTokens;
import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.game.GameRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's background play work: its matcher's ticks, counting the games this node's owners
 * report finished, and the leaderboard's catch-up from Postgres (at start, periodically, and as
 * soon as Redis answers again after an outage).
 */
public final class PlayVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PlayVerticle.class);
  private static final long HEALTH_MS = 1_000;

  private final Config config;
  private final List<Long> timers = new ArrayList<>();
  private Redis redis;
  private Matcher matcher;
  private LeaderboardSync sync;
  private MessageConsumer<JsonObject> finished;
  private PlayRedis store;
  /** Redis failed since the last catch-up: catch up as soon as it answers. */
  private boolean behind = true;
  private boolean syncing;
  /** The matcher's latest pass (it never fails). */
  private Future<Void> matching = Future.succeededFuture();

  public PlayVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    redis = PlayRedis.client(vertx, config.string(ConfigKey.REDIS_URL));
    store = new PlayRedis(RedisAPI.api(redis));
    String nodeId = config.string(ConfigKey.NODE_ID);
    SeatTokens tokens = new SeatTokens(vertx, config.string(ConfigKey.JWT_KEY), config.integer(ConfigKey.JWT_TTL_S));
    GameRouter games = new GameRouter(vertx, nodeId, config.integer(ConfigKey.COMMAND_TIMEOUT_MS));
    matcher = new Matcher(vertx, PlayServices.matchmaking(config, store), games, tokens);
    Leaderboard board = new Leaderboard(store);
    sync = new LeaderboardSync(vertx, store, board, nodeId);
    finished = vertx.eventBus().<JsonObject>localConsumer(Addresses.GAMES_FINISHED, m -> {
      String gameId = m.body().getString("game_id");
      board.record(gameId, m.body().getJsonObject("view"), m.body().getLong("finished_at", board.now())).onFailure(e -> {
        // Postgres has it: the catch-up counts it once Redis is back
        behind = true;
        LOG.warn("game {} not counted yet ({}); it will be once Redis answers", gameId, e.getMessage());
      });
    });
    timers.add(vertx.setPeriodic(config.integer(ConfigKey.MATCHMAKING_TICK_MS), id -> {
      Future<Void> pass = matcher.tick();
      if (!pass.isComplete()) {
        matching = pass;
      }
    }));
    timers.add(vertx.setPeriodic(HEALTH_MS, id -> health()));
    timers.add(vertx.setPeriodic(config.integer(ConfigKey.LEADERBOARD_SYNC_S) * 1000L, id -> catchUp()));
    return finished.completion();
  }

  @Override
  public Future<?> stop() {
    timers.forEach(vertx::cancelTimer);
    // the matcher's pass in flight finishes before its Redis connections close under it
    return matching.eventually(() -> finished.unregister()).eventually(() -> redis.close());
  }

  private void health() {
    store.call(a -> a.ping(List.of()), Leaderboard.DETAIL).onComplete(ar -> {
      if (ar.failed()) {
        behind = true;
      } else if (behind) {
        catchUp();
      }
    });
  }

  private void catchUp() {
    if (syncing) {
      return;
    }
    syncing = true;
    behind = false;
    sync.run().onComplete(ar -> {
      syncing = false;
      if (ar.failed()) {
        behind = true;
        LOG.warn("leaderboard catch-up from Postgres failed ({}); trying again", String.valueOf(ar.cause()));
      }
    });
  }
}
