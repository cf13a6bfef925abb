package io.ludo.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.Node;
import io.ludo.server.TestNodes;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The load generator plays real games against a node, measures them, and measures the echo ceiling the same way. */
class LoadGeneratorTest {

  @Test
  void realGamesArePlayedOverWebSocketAndSetBesideTheEchoCeilingAndTheSocketFloor() throws Exception {
    Vertx servers = Vertx.vertx();
    Vertx generator = Vertx.vertx();
    try {
      Node node = TestNodes.start(servers).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      int echoPort = EmbeddedServices.freePort();
      EchoServer.start(servers, echoPort, 1).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      LoadOptions options = LoadOptions.parse(new String[] {"--url", "http://127.0.0.1:" + node.httpPort(),
          "--admin-url", "http://127.0.0.1:" + node.adminPort(),
          "--games", "3", "--seconds", "2", "--warmup", "1", "--echo-url", "http://127.0.0.1:" + echoPort,
          "--floor", "paced"});

      JsonObject result = new LoadRun(generator, options).run(3);

      JsonObject server = result.getJsonObject("server");
      assertTrue(server.getLong("actions") > 0, "actions were played: " + server);
      assertEquals(server.getLong("rolls") + server.getLong("moves"), server.getLong("actions"));
      assertEquals(0, server.getLong("error_count"), "no errors: " + server.getJsonObject("errors"));
      assertEquals(server.getLong("actions"), server.getJsonObject("latency_ms").getLong("count"), "one latency per action");
      assertTrue(server.getLong("event_frames") > 0, "the sockets received the games' events");
      JsonObject measuredNode = server.getJsonArray("nodes").getJsonObject(0);
      assertTrue(measuredNode.getDouble("commands") > 0, "the node's /metrics counted the commands: " + measuredNode);
      assertTrue(measuredNode.getDouble("events_persisted") > 0, "and the events it committed");
      assertTrue(result.getJsonObject("echo").getLong("actions") > 0, "the echo ceiling was measured too");
      assertTrue(result.getJsonObject("ratio_to_echo").getDouble("actions_per_s") > 0);
      assertTrue(Report.markdown(result).contains("| server ÷ echo |"));

      JsonObject floor = result.getJsonObject("floor");
      assertTrue(floor.getLong("actions") > 0, "the floor was measured: " + floor);
      assertEquals(0, floor.getLong("error_count"), "with no errors: " + floor.getJsonObject("errors"));
      double perSocket = floor.getDouble("event_frames_per_socket_per_action");
      assertEquals(server.getLong("event_frames") / (double) server.getLong("actions") / 4, perSocket, 0.001,
          "the floor sends as many event frames per action as the real run got");
      assertEquals(4 * perSocket, floor.getLong("event_frames") / (double) floor.getLong("actions"), 0.5,
          "and every socket of the group got them");
      assertTrue(floor.getDouble("server_cpu_us_per_action") > 0, "the echo server's CPU was read: " + floor);
      assertTrue(server.getDouble("server_cpu_us_per_action") > 0, "so was the node's");
    } finally {
      generator.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      servers.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void givenNoFloorOption_whenParsed_thenNoFloorIsMeasured_andAnUnknownPaceIsRefused() {
    assertEquals(LoadOptions.Floor.OFF, LoadOptions.parse(new String[] {}).floor());
    assertEquals(LoadOptions.Floor.SATURATED, LoadOptions.parse(new String[] {"--floor", "saturated"}).floor());
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--floor", "on"}));
  }

  @Test
  void loadGoesTo127001Only() {
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--url", "http://10.1.2.3:8080"}));
    assertThrows(IllegalArgumentException.class,
        () -> LoadOptions.parse(new String[] {"--echo-url", "http://example.com:9090"}));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--games", "0"}));
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--seconds", "100000"}));
  }

  @Test
  void givenNodesWithoutAdminUrls_whenParsed_thenEachIsScrapedAtItsGamePortPlus1000UnlessNamed() {
    assertEquals(java.util.List.of("http://127.0.0.1:9081", "http://127.0.0.1:9082"),
        LoadOptions.parse(new String[] {"--url", "http://127.0.0.1:8081,http://127.0.0.1:8082"}).adminUrls());
    assertEquals(java.util.List.of("http://127.0.0.1:7000"), LoadOptions.parse(
        new String[] {"--url", "http://127.0.0.1:8080", "--admin-url", "http://127.0.0.1:7000"}).adminUrls());
    assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(
        new String[] {"--url", "http://127.0.0.1:8081,http://127.0.0.1:8082", "--admin-url", "http://127.0.0.1:7000"}));
    assertThrows(IllegalArgumentException.class,
        () -> LoadOptions.parse(new String[] {"--admin-url", "http://10.1.2.3:9080"}));
  }
}
