package io.ludo.server.faults;

import io.ludo.server.ApiClient;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

  @Test
  void noTicketIsLostOrMatchedTwiceAcrossARestart(@TempDir Path data) throws Exception {
    int port = EmbeddedServices.freePort();
    try (EmbeddedServices redis = new EmbeddedServices();
        var node = new MatchmakingUnderFault.NodeOnRedis(redis.startRedis(data, port))) {
      ApiClient api = node.api();
      JsonObject options = new JsonObject().put("maxSixes", 2);
      MatchmakingUnderFault.Asked asked = MatchmakingUnderFault.ask(api, options, "rr", ASKING_MS, 2_000, DOWN_MS,
          redis::stopRedis, () -> redis.startRedis(data, port));
      MatchmakingUnderFault.assertEachTicketMatchedOnce(api, asked, "restarted Redis");
    }
  }
}
