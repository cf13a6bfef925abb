package io.ludo.server.faults;

import io.ludo.server.ApiClient;
import io.ludo.server.Node;
import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis is stopped in the middle of matchmaking (as a service manager stops it) and started again
 * 2 s later on the same data, as a node's embedded Redis runs (its append-only file): asks made
 * while it is away are refused 503, and every ticket made before, during and after is matched
 * once, nobody seated in two games.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RestartedRedisMatchmakingTest {
  private static final long ASKING_MS = 8_000;
  private static final long DOWN_MS = 2_000;
  @TempDir
  static Path data;
  private static EmbeddedServices redis;
  private static int port;
  private static Vertx vertx;
  private static Node node;

  @BeforeAll
  static void ownRedisAndANode() throws Exception {
    port = EmbeddedServices.freePort();
    redis = new EmbeddedServices();
    String url = redis.startRedis(data, port);
    vertx = Vertx.vertx();
    node = MatchmakingUnderFault.await(TestNodes.start(vertx, Map.of(ConfigKey.REDIS_URL, url)));
  }

  @AfterAll
  static void close() throws Exception {
    MatchmakingUnderFault.await(node.stop());
    vertx.close();
    redis.close();
  }

  @Test
  void noTicketIsLostOrMatchedTwiceAcrossARestart() throws Exception {
    ApiClient api = new ApiClient(vertx, node.httpPort());
    JsonObject options = new JsonObject().put("maxSixes", 2);
    MatchmakingUnderFault.Asked asked = MatchmakingUnderFault.ask(api, options, "rr", ASKING_MS, 2_000, DOWN_MS,
        redis::stopRedis, () -> redis.startRedis(data, port));
    MatchmakingUnderFault.assertEachTicketMatchedOnce(api, asked, "restarted Redis");
  }
}
