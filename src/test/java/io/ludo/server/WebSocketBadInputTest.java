package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.ludo.server.errors.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
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

  @Test
  void everyMalformedUpgradePathIdOrQueryIsA4xxProblemBeforeTheUpgrade(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> RestGame.open(new ApiClient(vertx, node.httpPort())).compose(game -> {
      String g = "/ws/" + game.gameId;
      String seat0 = g + "/" + game.playerBySeat.get(0);
      String token = game.tokenBySeat.get(0);
      Map<String, Integer> table = new LinkedHashMap<>();
      table.put("/ws/%00?spectate", 404);
      table.put("/ws/%00/p_1?token=" + token, 404);
      table.put("/ws/a.b?spectate", 404);
      table.put("/ws/" + "a".repeat(65) + "?spectate", 404);
      table.put("/ws/%zz?spectate", 400);
      table.put("/ws/" + "a".repeat(10_000) + "?spectate", 400);
      table.put(g + "?spectate&spectate", 400);
      table.put(g + "?spectate&x=1", 400);
      table.put(g + "?spectate=%zz", 400);
      table.put(seat0 + "?token=" + token + "&token=" + token, 400);
      table.put(seat0 + "?token=" + token + "&spectate&x", 400);
      table.put(g + "/%zz?token=" + token, 400);
      Future<Void> chain = Future.succeededFuture();
      for (var row : table.entrySet()) {
        chain = chain.compose(v -> RawRequests.refusedUpgrade(vertx, node.httpPort(), row.getKey())).map(answer -> {
          String name = BadInputTest.abbreviated(row.getKey());
          test.verify(() -> {
            assertEquals((int) row.getValue(), answer.status(), name + ": " + answer.body());
            assertEquals(row.getValue() == 404 ? "GAME_NOT_FOUND" : "INVALID_INPUT", answer.code(), name);
            assertEquals(Problems.PROBLEM_JSON, answer.contentType(), name);
            assertTrue(answer.millis() < RawRequests.BOUND_MS, name + " took " + answer.millis() + " ms");
          });
          return null;
        });
      }
      return chain;
    })).onComplete(test.succeedingThenComplete());
  }

  private static Future<Void> expectRejection(Vertx vertx, int port, String uri, int status, VertxTestContext test) {
    return RawRequests.refusedUpgrade(vertx, port, uri).map(actual -> {
      test.verify(() -> assertEquals(status, actual.status(), uri));
      return null;
    });
  }
}
