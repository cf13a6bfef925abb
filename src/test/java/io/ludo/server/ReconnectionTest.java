package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A player who drops keeps the seat; back, a sync replays exactly what was missed. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ReconnectionTest {

  @Test
  void aReconnectedPlayerSyncsExactlyTheMissedEvents(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, Map.of(ConfigKey.WS_SYNC_MAX_EVENTS, 25)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        String annUri = "/ws/" + game.gameId + "/" + game.playerBySeat.get(0) + "?token=" + game.tokenBySeat.get(0);
        int[] seenSeq = new int[1];
        return game.play(20).compose(p -> WsClient.connect(vertx, node.httpPort(), annUri))
            .compose(ws -> ws.await(f -> "state".equals(f.getString("type"))).compose(state -> {
              seenSeq[0] = state.getInteger("seq");
              return ws.close();
            }))
            // her close is counted on her socket's loop, the view may be read on the other
            .compose(v -> ViewPolling.until(vertx, api, game.gameId, ViewPolling::nobodyConnected, 5_000))
            .compose(view -> {
              test.verify(() -> {
                JsonObject ann = view.getJsonArray("players").getJsonObject(0);
                assertFalse(ann.getBoolean("connected"), "her socket is closed");
                assertFalse(ann.getBoolean("left"), "her seat is held");
              });
              // play goes on while she is away (the test acts for both seats)
              return game.play(10);
            })
            .compose(p -> WsClient.connect(vertx, node.httpPort(), annUri))
            .compose(ws -> ws.request(new JsonObject().put("type", "sync").put("since_seq", seenSeq[0]))
                .compose(ack -> api.get("/games/" + game.gameId + "/events").map(log -> {
                  test.verify(() -> {
                    JsonArray events = log.body().getJsonArray("events");
                    List<JsonObject> replayed = ws.frames("event").stream()
                        .filter(f -> f.getInteger("seq") > seenSeq[0]).toList();
                    // the state frame already covers them all; the sync replays each missed one once, in order
                    assertEquals(events.size() - seenSeq[0], replayed.stream().map(f -> f.getInteger("seq")).distinct().count());
                    for (JsonObject frame : replayed.subList(replayed.size() - (events.size() - seenSeq[0]), replayed.size())) {
                      assertEquals(events.getJsonObject(frame.getInteger("seq") - 1), frame.getJsonObject("event"));
                    }
                    assertEquals(events.size(), ack.getInteger("seq"));
                  });
                  return ws;
                })))
            .compose(ws -> ws.request(new JsonObject().put("type", "sync").put("since_seq", 0))
                .map(ack -> {
                  test.verify(() -> {
                    JsonObject last = ws.received.get(ws.received.size() - 2);
                    assertEquals("state", last.getString("type"), "too many missed events: the whole state instead");
                    assertEquals(ack.getInteger("seq"), last.getInteger("seq"));
                  });
                  return null;
                }));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aSyncOfTheLastEventsIsAnsweredFromTheOwnersMemoryAndOneFromFurtherBackFromTheLog(Vertx vertx, VertxTestContext test) {
    AtomicInteger logReads = new AtomicInteger();
    int missed = 5;
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      vertx.eventBus().addOutboundInterceptor(delivery -> {
        if (Addresses.PERSIST_READ.equals(delivery.message().address())) {
          logReads.incrementAndGet();
        }
        delivery.next();
      });
      return RestGame.open(api).compose(game -> game.play(30).map(p -> game))
          .compose(game -> api.get("/games/" + game.gameId + "/events").compose(log -> WsClient.connect(vertx, node.httpPort(),
                  "/ws/" + game.gameId + "?spectate")
              .compose(ws -> ws.await(f -> "state".equals(f.getString("type"))).compose(state -> {
                JsonArray events = log.body().getJsonArray("events");
                int since = events.size() - missed;
                int readsBefore = logReads.get();
                // when a spectator who missed the last few events syncs, twice
                return ws.request(new JsonObject().put("type", "sync").put("since_seq", since))
                    .compose(first -> ws.request(new JsonObject().put("type", "sync").put("since_seq", since)))
                    .compose(ack -> {
                      int readsForRecentSyncs = logReads.get() - readsBefore;
                      List<JsonObject> replayed = List.copyOf(ws.frames("event"));
                      // and then from the very start, further back than the owner keeps
                      return ws.request(new JsonObject().put("type", "sync").put("since_seq", 0)).map(whole -> {
                        test.verify(() -> {
                          // then the owner answered the recent ones from memory, and only the old one read the log
                          assertEquals(0, readsForRecentSyncs, "log reads for two syncs of the last events");
                          assertTrue(logReads.get() > readsBefore, "a sync from the start reads the log");
                          assertEquals(2 * missed, replayed.size(), "each sync replays exactly the missed events");
                          for (int i = 0; i < missed; i++) {
                            assertEquals(events.getJsonObject(since + i), replayed.get(i).getJsonObject("event"));
                            assertEquals(since + i + 1, replayed.get(i).getJsonObject("turn").getInteger("seq"));
                          }
                          List<JsonObject> all = ws.frames("event");
                          assertEquals(2 * missed + events.size(), all.size(), "the old sync replays every event");
                          for (int i = 0; i < events.size(); i++) {
                            assertEquals(events.getJsonObject(i), all.get(2 * missed + i).getJsonObject("event"));
                          }
                          assertEquals(events.size(), ack.getInteger("seq"));
                        });
                        return null;
                      });
                    });
              }))));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenASocketClosedWhileItsOpeningLoadsTheRoomThenThePlayerIsNotConnected(Vertx vertx, VertxTestContext test) {
    Config config = TestNodes.config(Map.of());
    // the room is not in memory: the socket's count waits for its load, and the close overtakes it
    TestNodes.halfPlayedThenClosed(Vertx.vertx(), vertx, config, 2)
        .compose(game -> Node.start(vertx, config).compose(node -> WsClient.connect(vertx, node.httpPort(),
                "/ws/" + game.gameId + "/" + game.playerBySeat.get(0) + "?token=" + game.tokenBySeat.get(0))
            .compose(WsClient::close)
            .compose(closed -> ViewPolling.until(vertx, new ApiClient(vertx, node.httpPort()), game.gameId,
                ViewPolling::nobodyConnected, 5_000))))
        .onComplete(test.succeeding(view -> test.verify(() -> {
          assertTrue(ViewPolling.nobodyConnected(view), view.encode());
          test.completeNow();
        })));
  }
}
