package io.ludo.server;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/** Nodes for tests: the embedded services, a free port, a fixed JWT key, repeatable dice. */
public final class TestNodes {
  public static final String JWT_KEY = "test-key-test-key-test-key-test-key";

  private TestNodes() {}

  public static Config config(Map<ConfigKey, Object> overrides) {
    try {
      TestServices services = TestServices.get();
      Config c = Config.of(Config.bundledDefaults())
          .with(ConfigKey.NODE_ID, "test-" + EmbeddedServices.freePort())
          .with(ConfigKey.HTTP_PORT, EmbeddedServices.freePort())
          .with(ConfigKey.HTTP_HOST, "127.0.0.1")
          .with(ConfigKey.ADMIN_PORT, EmbeddedServices.freePort())
          .with(ConfigKey.DB_URL, services.dbUrl)
          .with(ConfigKey.REDIS_URL, services.redisUrl)
          .with(ConfigKey.JWT_KEY, JWT_KEY)
          .with(ConfigKey.TEST_DICE, "seed:42")
          // tests play at machine speed, all from 127.0.0.1: far over the limits meant for people.
          // RateLimitTest sets them (and proves the bundled defaults are on)
          .with(ConfigKey.RATE_LIMIT_COMMANDS_PER_S, 0)
          .with(ConfigKey.RATE_LIMIT_REQUESTS_PER_S, 0);
      for (var e : overrides.entrySet()) {
        c = c.with(e.getKey(), e.getValue());
      }
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Future<Node> start(Vertx vertx, Map<ConfigKey, Object> overrides) {
    return Node.start(vertx, config(overrides));
  }

  public static Future<Node> start(Vertx vertx) {
    return start(vertx, Map.of());
  }

  /**
   * A 2-player game played {@code commands} commands on a node in {@code first}, which is then
   * stopped and closed; answers the half-played game on {@code second}'s context, for a node
   * there to take it over. Closing a Vert.x ends its event loops: it is closed from outside them.
   */
  public static Future<RestGame> halfPlayedThenClosed(Vertx first, Vertx second, Config config, int commands) {
    var firstHalf = Node.start(first, config)
        .compose(node -> RestGame.open(new ApiClient(first, node.httpPort()))
            .compose(game -> game.play(commands).map(p -> game))
            .compose(game -> node.stop().map(v -> game)))
        .toCompletionStage()
        .thenComposeAsync(game -> first.close().toCompletionStage().thenApply(v -> game));
    return Future.fromCompletionStage(firstHalf, second.getOrCreateContext());
  }
}
