package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class WebSocketBadInputTest {

  @Test
  void aHandshakeWithoutAValidTokenIsRefused(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      int port = node.httpPort();
      return RestGame.open(api).compose(game -> RestGame.open(api).compose(other -> {
        String seat0 = "/ws/" + game.gameId + "/" + game.playerBySeat.get(0);
        return expectRejection(vertx, port, seat0, 401, test)
            .compose(v -> expectRejection(vertx, port, seat0 + "?token=garbage", 401, test))
            .compose(v -> expectRejection(vertx, port, seat0 + "?token=" + other.tokenBySeat.get(0), 403, test))
            .compose(v -> expectRejection(vertx, port, seat0 + "?token=" + game.tokenBySeat.get(2), 403, test))
            .compose(v -> expectRejection(vertx, port, "/ws/" + game.gameId, 401, test));
      }));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void badFramesGetAnErrorAndHugeFramesCloseTheSocket(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> WsClient.connect(vertx, node.httpPort(),
          "/ws/" + game.gameId + "/" + game.playerBySeat.get(0) + "?token=" + game.tokenBySeat.get(0)))
          .compose(ws -> {
            ws.sendRaw("{not json");
            return ws.await(f -> "error".equals(f.getString("type")))
                .compose(error -> {
                  test.verify(() -> assertEquals("INVALID_INPUT", error.getString("code")));
                  return ws.request(new io.vertx.core.json.JsonObject().put("type", "move").put("token_index", 8));
                })
                .compose(error -> {
                  test.verify(() -> assertEquals("INVALID_INPUT", error.getString("code")));
                  ws.sendRaw("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(100_000) + "\"}");
                  return ws.closed.future();
                })
                .map(status -> {
                  test.verify(() -> assertTrue(status == null || status >= 1000, "closed: " + status));
                  return null;
                });
          });
    }).onComplete(test.succeedingThenComplete());
  }

  private static Future<Void> expectRejection(Vertx vertx, int port, String uri, int status, VertxTestContext test) {
    return rejection(vertx, port, uri).map(actual -> {
      test.verify(() -> assertEquals(status, (int) actual, uri));
      return null;
    });
  }

  private static Future<Integer> rejection(Vertx vertx, int port, String uri) {
    // the client is closed once the answer is in: one left unreachable would be closed by Vert.x mid-handshake
    var client = vertx.createWebSocketClient();
    return client.connect(port, "127.0.0.1", uri).eventually(client::close).transform(ar -> {
      if (ar.succeeded()) {
        return Future.failedFuture("the handshake to " + uri + " was accepted");
      }
      if (ar.cause() instanceof UpgradeRejectedException rejected) {
        return Future.succeededFuture(rejected.getStatus());
      }
      return Future.failedFuture(ar.cause());
    });
  }
}
