package io.ludo.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.server.ApiClient;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

  @Test
  void noTicketIsLostOrMatchedTwiceAcrossAStall() throws Exception {
    try (EmbeddedServices redis = new EmbeddedServices()) {
      // its process is the redis-server this JVM starts now (the embedded server's command line
      // names no port: its settings come on its standard input)
      Set<Long> before = new HashSet<>(ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
      String url = redis.startRedis(EmbeddedServices.freePort());
      List<Long> started = ProcessHandle.current().descendants().map(ProcessHandle::pid).filter(p -> !before.contains(p)).toList();
      assertEquals(1, started.size(), "one process started for the test's Redis: " + started);
      long pid = started.get(0);
      try (var node = new MatchmakingUnderFault.NodeOnRedis(url)) {
        ApiClient api = node.api();
        JsonObject options = new JsonObject().put("maxSixes", 1);   // a queue no other test uses
        MatchmakingUnderFault.Asked asked = MatchmakingUnderFault.ask(api, options, "sr", ASKING_MS, 2_000, STALL_MS,
            () -> signal("-STOP", pid), () -> signal("-CONT", pid));
        MatchmakingUnderFault.assertEachTicketMatchedOnce(api, asked, "stalled Redis");
      } finally {
        signal("-CONT", pid);
      }
    }
  }

  /** SIGSTOP or SIGCONT of this test's own redis-server. */
  private static void signal(String which, long pid) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", which, String.valueOf(pid)).inheritIO().start().waitFor());
  }
}
