package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.rules.Command;
import io.ludo.rules.Decision;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class WebSocketGameTest {
  private final Rules rules = new Rules(Options.DEFAULTS);

  @Test
  void aWholeGameOverWebSocketReachesEverySocketInOrder(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      int port = node.httpPort();
      return RestGame.open(api).compose(game -> Future.all(
              WsClient.connect(vertx, port, "/ws/" + game.gameId + "/" + game.playerBySeat.get(0) + "?token=" + game.tokenBySeat.get(0)),
              WsClient.connect(vertx, port, "/ws/" + game.gameId + "/" + game.playerBySeat.get(2) + "?token=" + game.tokenBySeat.get(2)),
              WsClient.connect(vertx, port, "/ws/" + game.gameId + "?spectate"))
          .compose(all -> {
            Map<Integer, WsClient> bySeat = Map.of(0, all.resultAt(0), 2, all.resultAt(1));
            WsClient spectator = all.resultAt(2);
            return spectator.await(f -> "state".equals(f.getString("type")))
                .compose(state -> spectator.request(new JsonObject().put("type", "roll")))
                .compose(refused -> {
                  test.verify(() -> assertEquals("FORBIDDEN", refused.getString("code")));
                  return play(bySeat, Position.initial(List.of(0, 2)), 20_000);
                })
                .compose(end -> {
                  int lastSeq = end.getInteger("seq");
                  return Future.all(List.of(
                          bySeat.get(0).await(f -> f.getInteger("seq", 0) == lastSeq && "event".equals(f.getString("type"))),
                          bySeat.get(2).await(f -> f.getInteger("seq", 0) == lastSeq && "event".equals(f.getString("type"))),
                          spectator.await(f -> f.getInteger("seq", 0) == lastSeq && "event".equals(f.getString("type")))))
                      .map(v -> {
                        test.verify(() -> {
                          for (WsClient c : List.of(bySeat.get(0), bySeat.get(2), spectator)) {
                            assertEveryEventOnceInOrder(c, lastSeq);
                          }
                        });
                        return null;
                      });
                });
          }));
    }).onComplete(test.succeedingThenComplete());
  }

  /** Plays with whoever's turn it is, checking each ack against the engine; answers the last ack. */
  private Future<JsonObject> play(Map<Integer, WsClient> bySeat, Position local, int budget) {
    assertTrue(budget > 0, "the game ends within the bound");
    WsClient actor = bySeat.get(local.current());
    if (local.phase() == Phase.ROLL) {
      return actor.request(new JsonObject().put("type", "roll")).compose(ack -> {
        assertEquals("ack", ack.getString("type"), ack.encode());
        Position next = apply(local, new Command.Roll(ack.getInteger("dice_value")));
        assertEquals(new JsonArray(rules.legalMoves(next)), ack.getJsonArray("legal_moves"));
        return play(bySeat, next, budget - 1);
      });
    }
    int token = rules.legalMoves(local).get(0);
    return actor.request(new JsonObject().put("type", "move").put("token_index", token)).compose(ack -> {
      assertEquals("ack", ack.getString("type"), ack.encode());
      Position next = apply(local, new Command.Move(token));
      assertEquals(next.current(), ack.getInteger("next_player_index"));
      return next.phase() == Phase.FINISHED ? Future.succeededFuture(ack) : play(bySeat, next, budget - 1);
    });
  }

  private Position apply(Position p, Command c) {
    return rules.fold(p, ((Decision.Accepted) rules.decide(p, c)).events());
  }

  private static void assertEveryEventOnceInOrder(WsClient c, int lastSeq) {
    JsonObject state = c.frames("state").get(0);
    assertEquals(c.received.get(0), state, "the state comes first");
    List<JsonObject> events = c.frames("event");
    int expected = state.getInteger("seq") + 1;
    for (JsonObject e : events) {
      assertEquals(expected++, e.getInteger("seq"));
      assertEquals(e.getInteger("seq"), e.getJsonObject("event").getInteger("seq"));
    }
    assertEquals(lastSeq + 1, expected, "every event up to the last one");
  }
}
