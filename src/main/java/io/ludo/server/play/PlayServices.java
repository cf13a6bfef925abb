package io.ludo.server.play;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;

/** The play services an HTTP verticle serves, over its Redis client. */
public record PlayServices(Matchmaking matchmaking, Leaderboard leaderboard, RateLimiter limiter,
    TicketFeeds feeds) {

  public static PlayServices create(Vertx vertx, Config config, RedisAPI api) {
    PlayRedis redis = new PlayRedis(api);
    Matchmaking matchmaking = matchmaking(config, redis);
    return new PlayServices(matchmaking, new Leaderboard(redis), RateLimiter.create(vertx, config, api),
        new TicketFeeds(vertx, matchmaking));
  }

  static Matchmaking matchmaking(Config config, PlayRedis redis) {
    return new Matchmaking(redis, config.integer(ConfigKey.MATCHMAKING_TICKET_TTL_MS),
        config.integer(ConfigKey.MATCHMAKING_BOT_WAIT_MS));
  }
}
