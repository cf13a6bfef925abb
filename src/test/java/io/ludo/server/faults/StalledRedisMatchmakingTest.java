package io.ludo.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.server.ApiClient;
import io.ludo.server.Node;
import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redis stalls in the middle of matchmaking (SIGSTOP of its process for 3 s, then SIGCONT, its
 * data kept) while players keep asking for 2-player games: asks made while it is away are
 * refused 503, and of the tickets that were made none is lost, none matched twice, nobody seated
 * in two games, every game seats exactly its tickets' players.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StalledRedisMatchmakingTest {
  private static final long ASKING_MS = 8_000;
  private static final long STALL_MS = 3_000;
  private static EmbeddedServices redis;
  private static int port;
  private static long redisPid;
  private static Vertx vertx;
  private static Node node;

  @BeforeAll
  static void ownRedisAndANode() throws Exception {
    port = EmbeddedServices.freePort();
    redis = new EmbeddedServices();
    // its process is the redis-server this JVM starts now (the embedded server's command line
    // names no port: its settings come on its standard input)
    Set<Long> before = new HashSet<>(ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    String url = redis.startRedis(port);
    List<Long> started = ProcessHandle.current().descendants().map(ProcessHandle::pid).filter(p -> !before.contains(p)).toList();
    assertEquals(1, started.size(), "one process started for the test's Redis: " + started);
    redisPid = started.get(0);
    vertx = Vertx.vertx();
    node = MatchmakingUnderFault.await(TestNodes.start(vertx, Map.of(ConfigKey.REDIS_URL, url)));
  }

  @AfterAll
  static void close() throws Exception {
    signal("-CONT");
    MatchmakingUnderFault.await(node.stop());
    vertx.close();
    redis.close();
  }

  @Test
  void noTicketIsLostOrMatchedTwiceAcrossAStall() throws Exception {
    ApiClient api = new ApiClient(vertx, node.httpPort());
    JsonObject options = new JsonObject().put("maxSixes", 1);   // a queue no other test uses
    MatchmakingUnderFault.Asked asked = MatchmakingUnderFault.ask(api, options, "sr", ASKING_MS, 2_000, STALL_MS,
        () -> signal("-STOP"), () -> signal("-CONT"));
    MatchmakingUnderFault.assertEachTicketMatchedOnce(api, asked, "stalled Redis");
  }

  /** SIGSTOP or SIGCONT of this test's own redis-server. */
  private static void signal(String which) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", which, String.valueOf(redisPid)).inheritIO().start().waitFor());
  }
}
