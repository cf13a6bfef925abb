package io.ludo.server.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.RestGame;
import io.ludo.server.TestNodes;
import io.ludo.server.WsClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sockets have a verticle of their own, one per event loop, and a socket is handed to the
 * one of its connection's loop: the shape costs no hop.
 */
@ExtendWith(VertxExtension.class)
class WebSocketVerticleTest {

  @Test
  void givenANodeThenEveryEventLoopHasOneWebSocketVerticleAndSocketsNeverCrossLoops(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      int port = node.httpPort();
      return RestGame.open(api).compose(game -> Future.all(
              WsClient.connect(vertx, port, "/ws/" + game.gameId + "/" + game.playerBySeat.get(0) + "?token=" + game.tokenBySeat.get(0)),
              WsClient.connect(vertx, port, "/ws/" + game.gameId + "/" + game.playerBySeat.get(2) + "?token=" + game.tokenBySeat.get(2)),
              WsClient.connect(vertx, port, "/ws/" + game.gameId + "?spectate"))
          .compose(all -> {
            List<WsClient> sockets = List.of(all.resultAt(0), all.resultAt(1), all.resultAt(2));
            WsClient spectator = sockets.get(2);
            return spectator.await(f -> "state".equals(f.getString("type")))
                .compose(state -> sockets.get(0).request(new JsonObject().put("type", "roll")))
                .compose(ack -> spectator.await(f -> "event".equals(f.getString("type"))))
                .compose(event -> WebClient.create(vertx).get(node.adminPort(), "127.0.0.1", "/metrics").send())
                .map(metrics -> {
                  String text = metrics.bodyAsString();
                  test.verify(() -> {
                    Set<io.netty.channel.EventLoop> loops = new HashSet<>();
                    int verticles = 0;
                    VertxInternal internal = (VertxInternal) vertx;
                    for (String id : vertx.deploymentIDs()) {
                      var deployment = internal.deploymentManager().deployment(id);
                      if (deployment != null && deployment.deployment().instances().stream()
                          .anyMatch(WebSocketVerticle.class::isInstance)) {
                        for (Context c : deployment.deployment().contexts()) {
                          verticles++;
                          loops.add(((ContextInternal) c).nettyEventLoop());
                        }
                      }
                    }
                    assertEquals(SocketLoops.eventLoops(vertx), verticles, "a WebSocket verticle per event loop");
                    assertEquals(verticles, loops.size(), "each on a loop of its own");
                    assertTrue(text.contains("ludo_sockets_open 3.0"), text);
                    assertTrue(text.contains("ludo_sockets_handed_across_loops_total 0.0"), "no socket crossed loops");
                  });
                  return null;
                });
          }));
    }).onComplete(test.succeedingThenComplete());
  }
}
