package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bots sit in seats and play on the owner's clock; a silent player's turn times out into strikes. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 40, timeUnit = TimeUnit.SECONDS)
class BotsAndTimersTest {
  private static final Map<ConfigKey, Object> FAST_BOTS = Map.of(ConfigKey.BOT_DELAY_MS, 2);

  @Test
  void aPlayerPlaysThreeBotsToTheEnd(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, FAST_BOTS).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return api.post("/games", null, new JsonObject().put("player_name", "Ann").put("max_players", 4).put("bots", 3))
          .compose(created -> {
            JsonObject body = created.body();
            test.verify(() -> {
              assertEquals(201, created.status(), body.encode());
              JsonObject state = body.getJsonObject("state");
              assertEquals("PLAYING", state.getString("status"), "a game full of bots starts by itself");
              assertEquals(List.of(false, true, true, true), state.getJsonArray("players").stream()
                  .map(p -> ((JsonObject) p).getBoolean("bot")).toList());
            });
            String gameId = body.getString("game_id");
            return WsClient.connect(vertx, node.httpPort(),
                    "/ws/" + gameId + "/" + body.getString("player_id") + "?token=" + body.getString("token"))
                .compose(ws -> playMyTurns(ws, 0, 0, 3_000))
                .compose(v -> api.view(gameId))
                .compose(view -> api.get("/games/" + gameId + "/events").map(log -> {
                  test.verify(() -> {
                    assertEquals("FINISHED", view.body().getString("status"));
                    JsonArray events = log.body().getJsonArray("events");
                    EventLogs.assertGaplessAndFoldsTo(events, view.body());
                    assertTrue(events.stream().map(e -> (JsonObject) e)
                        .anyMatch(e -> "DICE_ROLLED".equals(e.getString("type")) && e.getString("player_id").startsWith("b_")),
                        "the bots rolled");
                  });
                  return null;
                }));
          });
    }).onComplete(test.succeedingThenComplete());
  }

  /** Acts whenever the socket (its state, then its events) says it is {@code seat}'s turn, until the game is over. */
  private static Future<Void> playMyTurns(WsClient ws, int seat, int afterSeq, int budget) {
    assertTrue(budget > 0, "the game ends within the bound");
    return ws.await(f -> f.getValue("turn") instanceof JsonObject turn && turn.getInteger("seq") > afterSeq
            && (Integer.valueOf(seat).equals(turn.getValue("current")) || "FINISHED".equals(turn.getString("phase"))))
        .compose(frame -> {
          JsonObject turn = frame.getJsonObject("turn");
          if ("FINISHED".equals(turn.getString("phase"))) {
            return Future.succeededFuture();
          }
          JsonObject command = "ROLL".equals(turn.getString("phase")) ? new JsonObject().put("type", "roll")
              : new JsonObject().put("type", "move").put("token_index", turn.getJsonArray("legal_moves").getInteger(0));
          return ws.request(command).compose(ack -> playMyTurns(ws, seat, turn.getInteger("seq"), budget - 1));
        });
  }

  @Test
  void aSilentPlayerIsStruckThenPlayedForUntilTheyReturn(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, FAST_BOTS).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return api.post("/games", null, new JsonObject().put("player_name", "Ann").put("max_players", 2)
              .put("turn_timeout_ms", 1000).put("max_strikes", 1))
          .compose(created -> {
            JsonObject ann = created.body();
            String gameId = ann.getString("game_id");
            return WsClient.connect(vertx, node.httpPort(), "/ws/" + gameId + "?spectate").compose(watcher ->
                api.join(gameId, "Bob").compose(bob -> api.view(gameId)).compose(view -> {
                  long deadline = view.body().getLong("turn_deadline");
                  test.verify(() -> {
                    assertEquals("PLAYING", view.body().getString("status"));
                    assertEquals(1000, view.body().getInteger("turn_timeout_ms"));
                    assertTrue(Math.abs(deadline - System.currentTimeMillis() - 1000) < 900, "the deadline is a second away");
                    assertEquals(1, view.body().getInteger("spectators"));
                  });
                  // nobody acts: Ann's turn times out, the server plays it, and one strike makes her away
                  return watcher.await(f -> f.getValue("event") instanceof JsonObject e
                          && "TURN_TIMED_OUT".equals(e.getString("type")) && ann.getString("player_id").equals(e.getString("player_id")))
                      .map(timedOut -> {
                        test.verify(() -> assertTrue(timedOut.getJsonObject("event").getLong("at") >= deadline,
                            "not before the deadline"));
                        return timedOut;
                      });
                })
                .compose(timedOut -> api.view(gameId))
                .compose(view -> {
                  JsonObject annView = view.body().getJsonArray("players").getJsonObject(0);
                  test.verify(() -> {
                    assertEquals(1, annView.getInteger("strikes"));
                    assertTrue(annView.getBoolean("away"), "a bot keeps her seat");
                  });
                  // her socket opens: she takes the seat back
                  return WsClient.connect(vertx, node.httpPort(),
                      "/ws/" + gameId + "/" + ann.getString("player_id") + "?token=" + ann.getString("token"));
                })
                .compose(annSocket -> watcher.await(f -> f.getValue("event") instanceof JsonObject e
                    && "PLAYER_RETURNED".equals(e.getString("type"))))
                .compose(returned -> api.view(gameId))
                .map(view -> {
                  JsonObject annView = view.body().getJsonArray("players").getJsonObject(0);
                  test.verify(() -> {
                    assertFalse(annView.getBoolean("away"));
                    assertEquals(0, annView.getInteger("strikes"));
                    assertTrue(annView.getBoolean("connected"));
                  });
                  return null;
                }));
          });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenOnlyTheServerPlaysWhenTheIdleTimeoutIsTinyThenTheGameStillPlaysToTheEnd(Vertx vertx, VertxTestContext test) {
    // a second of idleness would retire a room; here nobody but the server acts for the whole game
    Map<ConfigKey, Object> tinyIdle = Map.of(ConfigKey.BOT_DELAY_MS, 2, ConfigKey.GAME_IDLE_TIMEOUT_S, 1);
    TestNodes.start(vertx, tinyIdle).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return api.post("/games", null, new JsonObject().put("player_name", "Ann").put("max_players", 2).put("bots", 1)
              .put("turn_timeout_ms", 1000).put("max_strikes", 1))
          .compose(created -> WsClient.connect(vertx, node.httpPort(), "/ws/" + created.body().getString("game_id") + "?spectate")
              // Ann never acts: her turn times out, she is away, and the server plays both seats
              .compose(watcher -> watcher.await(f -> f.getValue("event") instanceof JsonObject e
                  && "GAME_FINISHED".equals(e.getString("type")))))
          .map(finished -> {
            test.verify(() -> assertNotNull(finished.getJsonObject("event").getValue("winner"), finished.encode()));
            return null;
          });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aDeadlineComesFromTheLogSoItOutlivesTheNode(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, FAST_BOTS).compose(first -> {
      ApiClient api = new ApiClient(vertx, first.httpPort());
      return api.post("/games", null, new JsonObject().put("player_name", "Ann").put("max_players", 2)
              .put("turn_timeout_ms", 1000))
          .compose(created -> api.join(created.body().getString("game_id"), "Bob").map(j -> created.body()))
          .compose(ann -> first.stop().map(v -> ann));
    }).compose(ann -> {
      return TestNodes.start(vertx, FAST_BOTS).compose(second -> {
      String gameId = ann.getString("game_id");
      // the second node loads the game and runs out the same clock: it needs no command
      return WsClient.connect(vertx, second.httpPort(), "/ws/" + gameId + "?spectate")
          .compose(watcher -> watcher.await(f -> f.getValue("event") instanceof JsonObject e
              && "TURN_TIMED_OUT".equals(e.getString("type"))))
          .map(timedOut -> {
            test.verify(() -> assertNotNull(timedOut.getJsonObject("event").getString("player_id")));
            return null;
          });
    });
    }).onComplete(test.succeedingThenComplete());
  }
}
