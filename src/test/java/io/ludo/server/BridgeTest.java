package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.bus.Addresses;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event-bus bridge lets a browser do what its seat may, and nothing else, in or out. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BridgeTest {
  private static final JsonObject ROLL = new JsonObject().put("type", "roll");

  @Test
  void aCommandNeedsTheTokenOfThatGamesSeatToMove(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> RestGame.open(api).compose(other ->
          BridgeClient.connect(vertx, node.httpPort()).compose(bridge -> {
            String commands = Addresses.gameCommands(game.gameId);
            // the seat to move is 0; the body's player_id is ignored: only the token says who acts
            JsonObject spoofed = ROLL.copy().put("player_id", game.playerBySeat.get(0));
            int[] seqBefore = new int[1];
            return api.view(game.gameId).map(view -> seqBefore[0] = view.body().getInteger("seq"))
                .compose(v -> expectError(bridge.send(commands, ROLL, null), "UNAUTHORIZED", 401, test))
                .compose(v -> expectError(bridge.send(commands, ROLL, "garbage"), "UNAUTHORIZED", 401, test))
                .compose(v -> expectError(bridge.send(commands, ROLL, other.tokenBySeat.get(0)), "FORBIDDEN", 403, test))
                .compose(v -> expectError(bridge.send(commands, spoofed, game.tokenBySeat.get(2)), "NOT_YOUR_TURN", 403, test))
                .compose(v -> expectError(bridge.send(commands, new JsonObject().put("type", "move").put("token_index", 9),
                    game.tokenBySeat.get(0)), "INVALID_INPUT", 400, test))
                .compose(v -> expectError(bridge.send(commands, "roll", game.tokenBySeat.get(0)), "INVALID_INPUT", 400, test))
                .compose(v -> api.view(game.gameId)).compose(view -> {
                  test.verify(() -> assertEquals(seqBefore[0], view.body().getInteger("seq"), "no refused command changed the game"));
                  return bridge.send(commands, ROLL, game.tokenBySeat.get(0));
                })
                .map(reply -> {
                  test.verify(() -> {
                    JsonObject ack = reply.getJsonObject("body");
                    assertEquals("ack", ack.getString("type"));
                    assertEquals(game.playerBySeat.get(0), ack.getString("player_id"));
                    assertTrue(ack.getInteger("seq") > seqBefore[0], "the roll was applied: " + ack);
                  });
                  return bridge.close();
                });
          })));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void nothingButAGamesEventsMayBeRegisteredAndNothingPublished(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> RestGame.open(api).compose(other ->
          BridgeClient.connect(vertx, node.httpPort()).compose(bridge -> {
            String token = game.tokenBySeat.get(0);
            int[] seqBefore = new int[1];
            return api.view(game.gameId).map(view -> seqBefore[0] = view.body().getInteger("seq"))
                .compose(v -> expectRefusedRegistration(bridge, Addresses.PERSIST_APPEND, null, "FORBIDDEN", test))
                .compose(v -> expectRefusedRegistration(bridge, Addresses.gameCommands(game.gameId), token, "FORBIDDEN", test))
                .compose(v -> expectRefusedRegistration(bridge, Addresses.BRIDGE_INBOX, null, "FORBIDDEN", test))
                .compose(v -> expectRefusedRegistration(bridge, Addresses.gameEvents("nosuchgame"), null, "GAME_NOT_FOUND", test))
                .compose(v -> expectRefusedRegistration(bridge, Addresses.gameEvents(game.gameId),
                    other.tokenBySeat.get(0), "FORBIDDEN", test))
                .compose(v -> expectRefusedRegistration(bridge, Addresses.gameEvents(game.gameId), "garbage", "UNAUTHORIZED", test))
                // sends anywhere but a game's commands, straight to the inbox included, are refused
                .compose(v -> expectBridgeError(bridge.send(Addresses.PERSIST_READ, new JsonObject(), token), "FORBIDDEN", test))
                .compose(v -> expectBridgeError(bridge.send(Addresses.BRIDGE_INBOX,
                    new JsonObject().put("game_id", game.gameId).put("token", token).put("command", ROLL), token), "FORBIDDEN", test))
                .compose(v -> expectBridgeError(bridge.send(Addresses.gameEvents(game.gameId), ROLL, token), "FORBIDDEN", test))
                .compose(v -> {
                  Future<JsonObject> refused = bridge.awaitNew(f -> "rejected".equals(f.getString("body")));
                  bridge.publish(Addresses.gameCommands(game.gameId), ROLL, token);
                  return refused;
                })
                .compose(v -> {
                  Future<JsonObject> refused = bridge.awaitNew(f -> "rejected".equals(f.getString("body")));
                  bridge.publish(Addresses.gameEvents(game.gameId), new JsonObject().put("type", "event").put("seq", 99), token);
                  return refused;
                })
                .compose(v -> bridge.send(Addresses.gameCommands(game.gameId), new JsonObject().put("type", "ping"), token))
                .compose(pong -> api.view(game.gameId).map(view -> {
                  test.verify(() -> {
                    assertEquals("pong", pong.getJsonObject("body").getString("type"), "published frames went nowhere");
                    assertEquals(seqBefore[0], view.body().getInteger("seq"), "nothing reached the game");
                    assertFalse(bridge.received().stream().anyMatch(f -> "rec".equals(f.getString("type"))
                        && !f.getString("address").matches("[0-9a-f-]{36}")), "nothing was delivered: " + bridge.received());
                  });
                  return null;
                }))
                .compose(v -> bridge.close());
          })));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void twoBrowsersPlayAGameToItsEndWhileASpectatorWatches(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      int port = node.httpPort();
      return RestGame.open(api).compose(game -> Future.all(BridgeClient.connect(vertx, port),
          BridgeClient.connect(vertx, port), BridgeClient.connect(vertx, port)).compose(all -> {
            BridgeClient ann = all.resultAt(0);
            BridgeClient bob = all.resultAt(1);
            BridgeClient watcher = all.resultAt(2);
            String events = Addresses.gameEvents(game.gameId);
            ann.register(events, game.tokenBySeat.get(0));
            bob.register(events, game.tokenBySeat.get(2));
            watcher.register(events, null);
            return Future.all(ann.awaitBody(events, b -> "state".equals(b.getString("type"))),
                    bob.awaitBody(events, b -> "state".equals(b.getString("type"))),
                    watcher.awaitBody(events, b -> "state".equals(b.getString("type"))))
                .compose(states -> api.view(game.gameId))
                .compose(view -> {
                  test.verify(() -> {
                    view.body().getJsonArray("players").forEach(p ->
                        assertTrue(((JsonObject) p).getBoolean("connected"), "a bridge socket counts as presence: " + p));
                    assertEquals(1, view.body().getInteger("spectators"), "a registration without a token is a spectator");
                  });
                  return play(game, new BridgeClient[] {ann, null, bob}, 2_000);
                })
                .compose(lastSeq -> watcher.awaitBody(events, b -> b.getInteger("seq", 0) == lastSeq.intValue())
                    .compose(last -> api.view(game.gameId).compose(view -> api.get("/games/" + game.gameId + "/events")
                        .map(log -> {
                          test.verify(() -> {
                            assertEquals("FINISHED", view.body().getString("status"));
                            assertEquals(lastSeq, view.body().getInteger("seq"));
                            // the spectator saw every event after its state, in order, none twice
                            JsonArray seen = new JsonArray(watcher.received().stream()
                                .filter(f -> "rec".equals(f.getString("type")) && events.equals(f.getString("address")))
                                .map(f -> f.getJsonObject("body")).filter(b -> "event".equals(b.getString("type")))
                                .map(b -> b.getInteger("seq")).toList());
                            int first = seen.getInteger(0);
                            for (int i = 0; i < seen.size(); i++) {
                              assertEquals(first + i, seen.getInteger(i));
                            }
                            assertEquals(lastSeq, seen.getInteger(seen.size() - 1));
                            EventLogs.assertGaplessAndFoldsTo(log.body().getJsonArray("events"), view.body());
                          });
                          return null;
                        }))))
                .compose(v -> Future.all(ann.close(), bob.close(), watcher.close()))
                // a close is counted on its socket's loop, the view may be read on the other
                .compose(v -> ViewPolling.until(vertx, api, game.gameId,
                    view -> ViewPolling.nobodyConnected(view) && view.getInteger("spectators") == 0, 5_000))
                .map(view -> {
                  test.verify(() -> {
                    view.getJsonArray("players").forEach(p ->
                        assertFalse(((JsonObject) p).getBoolean("connected"), "closed sockets are absent: " + p));
                    assertEquals(0, view.getInteger("spectators"));
                  });
                  return null;
                });
          }));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void malformedAddressesAreRefusedWithA4xxErrorFramePromptly(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> BridgeClient.connect(vertx, node.httpPort()).compose(bridge -> {
      Map<String, String> registrations = new LinkedHashMap<>();
      registrations.put("ludo.game.%00.events", "FORBIDDEN");
      registrations.put("ludo.game.\u0000.events", "FORBIDDEN");
      registrations.put("ludo.game.a b.events", "FORBIDDEN");
      registrations.put("ludo.game." + "a".repeat(200) + ".events", "FORBIDDEN");
      registrations.put("ludo.game.NOT-AN-ID.events", "GAME_NOT_FOUND");
      registrations.put("ludo.game." + "a".repeat(64) + ".events", "GAME_NOT_FOUND");
      Future<Void> chain = Future.succeededFuture();
      for (var row : registrations.entrySet()) {
        chain = chain.compose(v -> {
          long started = System.nanoTime();
          return expectRefusedRegistration(bridge, row.getKey(), null, row.getValue(), test).map(x -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            test.verify(() -> assertTrue(ms < RawRequests.BOUND_MS, BadInputTest.abbreviated(row.getKey()) + " took " + ms + " ms"));
            return null;
          });
        });
      }
      return chain
          .compose(v -> expectBridgeError(bridge.send("ludo.game.%00.commands", ROLL, null), "FORBIDDEN", test))
          .compose(v -> expectBridgeError(bridge.send("ludo.game." + "a".repeat(200) + ".commands", ROLL, null), "FORBIDDEN", test))
          .compose(v -> bridge.close());
    })).onComplete(test.succeedingThenComplete());
  }

  @Test
  void thePollingTransportWorksAndItsFramesAreBounded(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      var http = vertx.createHttpClient();
      int port = node.httpPort();
      String session = "/eventbus/000/s" + System.nanoTime();
      return post(http, port, session + "/xhr", "")
          .compose(open -> post(http, port, session + "/xhr_send", "[\"{\\\"type\\\":\\\"ping\\\"}\"]").map(sent -> {
            test.verify(() -> {
              assertEquals(200, open.statusCode(), "session opened");
              assertEquals("close", open.getHeader("Connection"), "a poll's connection is not reused");
              assertEquals(204, sent.statusCode(), "a frame is taken through the body limit");
            });
            return null;
          }))
          // over the 4,096-byte bound, but not so far that the server's close (it stops reading
          // at the bound) resets a connection with most of the body unread, which can discard
          // the 413 before the client reads it
          .compose(v -> postAskingFirst(http, port, session + "/xhr_send", "[\"" + "x".repeat(6_000) + "\"]"))
          .map(huge -> {
            test.verify(() -> assertEquals(413, huge.statusCode()));
            return null;
          });
    }).onComplete(test.succeedingThenComplete());
  }

  private static Future<io.vertx.core.http.HttpClientResponse> post(io.vertx.core.http.HttpClient http, int port,
      String uri, String body) {
    return http.request(io.vertx.core.http.HttpMethod.POST, port, "127.0.0.1", uri)
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> resp));
  }

  /**
   * A body sent only once the server asks for it ({@code Expect: 100-continue}): a server that
   * refuses it by its length answers at once and closes, and a body already on its way would
   * race that close (the client then sees the connection closed, not the answer).
   */
  private static Future<io.vertx.core.http.HttpClientResponse> postAskingFirst(io.vertx.core.http.HttpClient http,
      int port, String uri, String body) {
    return http.request(io.vertx.core.http.HttpMethod.POST, port, "127.0.0.1", uri).compose(req -> {
      io.vertx.core.buffer.Buffer bytes = io.vertx.core.buffer.Buffer.buffer(body);
      req.putHeader("Expect", "100-continue").putHeader("Content-Length", String.valueOf(bytes.length()));
      req.continueHandler(v -> req.end(bytes));
      return req.sendHead().compose(v -> req.response()).compose(resp -> resp.body().map(b -> resp));
    });
  }

  /** Each seat rolls and moves its first legal token over its own bridge socket; answers the last seq. */
  private static Future<Integer> play(RestGame game, BridgeClient[] bySeat, int budget) {
    assertTrue(budget > 0, "the game ends within the bound");
    return game.api.view(game.gameId).compose(view -> {
      JsonObject v = view.body();
      if ("FINISHED".equals(v.getString("status"))) {
        return Future.succeededFuture(v.getInteger("seq"));
      }
      int seat = v.getInteger("current");
      String token = game.tokenBySeat.get(seat);
      JsonObject command = "ROLL".equals(v.getString("phase")) ? ROLL
          : new JsonObject().put("type", "move").put("token_index", v.getJsonArray("legal_moves").getInteger(0))
              .put("dice_value", v.getInteger("dice"));
      return bySeat[seat].send(Addresses.gameCommands(game.gameId), command, token).compose(reply -> {
        JsonObject ack = reply.getJsonObject("body");
        assertEquals("ack", ack.getString("type"), String.valueOf(ack));
        return play(game, bySeat, budget - 1);
      });
    });
  }

  private static Future<Void> expectError(Future<JsonObject> reply, String code, int status, VertxTestContext test) {
    return reply.map(frame -> {
      test.verify(() -> {
        JsonObject body = frame.getJsonObject("body");
        assertEquals("rec", frame.getString("type"), String.valueOf(frame));
        assertEquals("error", body.getString("type"));
        assertEquals(code, body.getString("code"), String.valueOf(body));
        assertEquals(status, body.getInteger("status"));
      });
      return null;
    });
  }

  private static Future<Void> expectBridgeError(Future<JsonObject> reply, String code, VertxTestContext test) {
    return reply.map(frame -> {
      test.verify(() -> {
        assertEquals("err", frame.getString("type"), String.valueOf(frame));
        assertEquals(code, frame.getString("failureType"), String.valueOf(frame));
        assertEquals(ErrorCode.valueOf(code).status(), frame.getInteger("failureCode"), String.valueOf(frame));
      });
      return null;
    });
  }

  private static Future<Void> expectRefusedRegistration(BridgeClient bridge, String address, String token, String code,
      VertxTestContext test) {
    Future<JsonObject> refusal = bridge.awaitNew(f -> "err".equals(f.getString("type")) && address.equals(f.getString("address")));
    bridge.register(address, token);
    return expectBridgeError(refusal, code, test);
  }

  @Test
  void givenTwoRegistrationsOfOneAddressWhenTheSocketClosesThenThePlayerIsNoLongerConnected(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> RestGame.open(new ApiClient(vertx, node.httpPort()))
        .compose(game -> nobodyConnectedAfter(vertx, node.httpPort(), game, (bridge, events, token) -> {
          // both sent before the first is decided: the second is refused, not counted twice
          bridge.register(events, token);
          bridge.register(events, token);
          return bridge.awaitBody(events, b -> "state".equals(b.getString("type"))).compose(state -> bridge.close());
        })))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenASocketClosedWhileItsRegistrationIsDecidedThenThePlayerIsNotConnected(Vertx vertx, VertxTestContext test) {
    Config config = TestNodes.config(Map.of());
    // the room is not in memory: deciding the registration loads it from Postgres, while the socket closes
    TestNodes.halfPlayedThenClosed(Vertx.vertx(), vertx, config, 2)
        .compose(game -> Node.start(vertx, config).compose(node -> nobodyConnectedAfter(vertx, node.httpPort(), game,
            (bridge, events, token) -> {
              bridge.register(events, token);
              return bridge.close().compose(closed -> ViewPolling.until(vertx, new ApiClient(vertx, node.httpPort()),
                      game.gameId, ViewPolling::nobodyConnected, 5_000))
                  .map(view -> {
                    assertTrue(ViewPolling.nobodyConnected(view), view.encode());
                    return view;
                  });
            })))
        .onComplete(test.succeedingThenComplete());
  }

  private interface SocketUse {
    Future<?> run(BridgeClient bridge, String events, String token);
  }

  /** Runs {@code use} on a bridge socket with seat 0's token, then expects nobody connected within a second. */
  private static Future<JsonObject> nobodyConnectedAfter(Vertx vertx, int port, RestGame game, SocketUse use) {
    return BridgeClient.connect(vertx, port)
        .compose(bridge -> use.run(bridge, Addresses.gameEvents(game.gameId), game.tokenBySeat.get(0)))
        .compose(used -> ViewPolling.until(vertx, new ApiClient(vertx, port), game.gameId, ViewPolling::nobodyConnected, 1_000));
  }
}
