package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operator endpoints live on the admin port, on loopback by default; the game port does not expose them. */
@ExtendWith(VertxExtension.class)
class AdminPortTest {
  private static final List<String> OPERATOR_PATHS = List.of("/metrics", "/cluster/nodes");

  @Test
  void givenANode_whenOperatorPathsAreAskedOnTheGamePort_thenTheyAre404ButTheAdminPortServesThem(
      Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient game = new ApiClient(vertx, node.httpPort());
      ApiClient admin = new ApiClient(vertx, node.adminPort());
      WebClient text = WebClient.create(vertx);
      return Future.all(List.of(game.get("/metrics"), game.get("/cluster/nodes"), game.get("/health/live"),
          admin.get("/cluster/nodes"), text.get(node.adminPort(), "127.0.0.1", "/metrics").send()
              .map(r -> r.statusCode() + " " + r.bodyAsString())))
          .onComplete(done -> text.close())
          .map(all -> {
            ApiClient.Reply gameMetrics = all.resultAt(0);
            ApiClient.Reply gameNodes = all.resultAt(1);
            ApiClient.Reply health = all.resultAt(2);
            ApiClient.Reply adminNodes = all.resultAt(3);
            String adminMetrics = all.resultAt(4);
            test.verify(() -> {
              assertEquals(404, gameMetrics.status());
              assertEquals("NOT_FOUND", gameMetrics.code());
              assertEquals(404, gameNodes.status());
              assertEquals(200, health.status(), "the load balancer's health checks stay on the game port");
              assertEquals(200, adminNodes.status());
              assertTrue(adminNodes.body().getJsonArray("nodes") != null, adminNodes.body().encode());
              assertTrue(adminMetrics.startsWith("200 ") && adminMetrics.contains("ludo_games_active"), adminMetrics);
            });
            return null;
          });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenTheDefaults_whenANodeStarts_thenItsAdminPortListensOnLoopbackOnly() throws Exception {
    Config defaults = Config.of(Config.bundledDefaults());
    assertEquals("127.0.0.1", defaults.string(ConfigKey.ADMIN_HOST));
    assertEquals(9080, defaults.integer(ConfigKey.ADMIN_PORT));
  }
}
