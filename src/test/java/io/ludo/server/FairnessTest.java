package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.cli.VerifyCommand;
import io.ludo.game.FairDice;
import io.ludo.json.EventChain;
import io.ludo.rules.Phase;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.fairness.SigningKeys;
import io.ludo.server.game.ServerDice;
import io.ludo.verify.RecordVerifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every game can be checked by anyone, offline, from its public record: the four documents of a
 * game played through a node verify, and tampering with any of them is found.
 */
@ExtendWith(VertxExtension.class)
class FairnessTest {

  /** The four public documents of a game, as the REST routes serve them. */
  record PublicRecord(JsonObject events, JsonObject fairness, JsonObject certificate, JsonObject jwks) {
    RecordVerifier.Result verify() {
      return RecordVerifier.verify(events, fairness, certificate, jwks);
    }

    PublicRecord withEvents(JsonArray log) {
      return new PublicRecord(events.copy().put("events", log), fairness, certificate, jwks);
    }
  }

  @Test
  void givenAFinishedGameStillInItsOwnersMemory_whenItsCertificateIsAsked_thenItIsSignedFromTheRoomWithoutADatabaseRead(
      Vertx vertx, VertxTestContext test) {
    java.util.concurrent.atomic.AtomicInteger headReads = new java.util.concurrent.atomic.AtomicInteger();
    TestNodes.start(vertx).compose(node -> {
      vertx.eventBus().addOutboundInterceptor(delivery -> {
        if (io.ludo.server.bus.Addresses.PERSIST_HEAD.equals(delivery.message().address())) {
          headReads.incrementAndGet();
        }
        delivery.next();
      });
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> game.play(20_000).compose(end -> Future.all(
              api.get("/games/" + game.gameId + "/certificate"), api.get("/games/" + game.gameId + "/events")))
          .map(answers -> {
            ApiClient.Reply certificate = answers.resultAt(0);
            JsonArray log = ((ApiClient.Reply) answers.resultAt(1)).body().getJsonArray("events");
            JsonObject last = log.getJsonObject(log.size() - 1);
            test.verify(() -> {
              assertEquals(200, certificate.status(), certificate.body().encode());
              assertEquals(SigningKeys.from(node.config()).certificate(game.gameId, last.getInteger("seq"),
                  last.getString("hash")), certificate.body(), "it signs the log's last hash");
              assertEquals(0, headReads.get(), "reads of the game's head row");
            });
            return null;
          }));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenAFinishedGame_whenItsFourDocumentsAreVerified_thenEverythingHoldsAndAnyTamperingIsFound(
      Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> Future.all(
              api.get("/games/" + game.gameId + "/certificate"), api.get("/games/" + game.gameId + "/fairness"))
          .compose(before -> {
            ApiClient.Reply certificate = before.resultAt(0);
            ApiClient.Reply fairness = before.resultAt(1);
            test.verify(() -> {
              assertEquals(409, certificate.status());
              assertEquals("GAME_NOT_FINISHED", certificate.code());
              assertEquals(200, fairness.status());
              assertFalse(fairness.body().containsKey("server_seed"), "the seed stays secret during play");
              assertEquals(FairDice.ALGORITHM, fairness.body().getString("algorithm"));
              assertEquals(2, fairness.body().getJsonArray("client_seeds").size());
            });
            return game.play(20_000);
          })
          .compose(end -> api.view(game.gameId).compose(view -> fetch(api, game.gameId).map(record -> {
            test.verify(() -> {
              assertEquals(record.fairness().getString("server_seed"), view.body().getString("server_seed"),
                  "the view reveals the seed once the game is over");
              JsonArray log = record.events().getJsonArray("events");
              assertEquals(record.fairness().getString("server_seed"),
                  log.getJsonObject(log.size() - 1).getString("server_seed"), "so does GAME_FINISHED");
            });
            return record;
          })))
          // hundreds of verifications: off the event loop
          .compose(record -> vertx.executeBlocking(() -> {
            test.verify(() -> {
              assertTrue(record.verify().ok(), record.verify().message());
              assertEquals(0, runVerifyCommand(record), "the jar's verify sub-command agrees");
              tamperedEventsFail(record);
              tamperedSeedFails(record);
              tamperedSignatureFails(record);
              aResealedAndResignedWrongRollStillFails(record, node);
              aResealedAndResignedIllegalMoveStillFails(record, node);
            });
            return game.gameId;
          })))
          .compose(gameId -> tamperInPostgres(vertx, gameId).compose(v -> fetch(api, gameId)))
          .map(tampered -> {
            test.verify(() -> {
              RecordVerifier.Result result = tampered.verify();
              assertFalse(result.ok());
              assertTrue(result.message().startsWith("event 2:"), result.message());
            });
            return null;
          });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenClientSeedsOnCreateAndJoin_whenTheGameIsPlayed_thenTheyAreShownAndTheFirstRollIsDerivedFromThem(
      Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return api.post("/games", null, new JsonObject().put("player_name", "Ann").put("max_players", 2)
              .put("client_seed", "ann-seed"))
          .compose(created -> {
            String gameId = created.body().getString("game_id");
            String annToken = created.body().getString("token");
            return api.post("/games/" + gameId + "/join", null, new JsonObject().put("player_name", "Cy").put("client_seed", "a|b"))
                .compose(bad -> {
                  test.verify(() -> {
                    assertEquals(400, bad.status());
                    assertEquals("INVALID_INPUT", bad.code());
                  });
                  return api.post("/games/" + gameId + "/join", null,
                      new JsonObject().put("player_name", "Bob").put("client_seed", "bob-seed"));
                })
                .compose(joined -> api.roll(gameId, annToken))
                .compose(rolled -> Future.all(api.view(gameId), api.get("/games/" + gameId + "/fairness")).map(docs -> {
                  JsonObject view = docs.<ApiClient.Reply>resultAt(0).body();
                  JsonObject fairness = docs.<ApiClient.Reply>resultAt(1).body();
                  byte[] seed = ServerDice.newServerSeed(gameId, "seed:42"); // what the test configuration draws
                  test.verify(() -> {
                    assertEquals(200, rolled.status(), String.valueOf(rolled.body()));
                    assertEquals(FairDice.roll(seed, "ann-seed|bob-seed", 1), rolled.body().getInteger("dice_value"));
                    assertEquals(FairDice.commitment(seed), view.getString("server_seed_hash"));
                    assertEquals(FairDice.commitment(seed), fairness.getString("server_seed_hash"));
                    assertEquals(new JsonArray().add(new JsonObject().put("seat", 0).put("client_seed", "ann-seed"))
                        .add(new JsonObject().put("seat", 2).put("client_seed", "bob-seed")), fairness.getJsonArray("client_seeds"));
                    assertEquals("bob-seed", view.getJsonArray("players").getJsonObject(1).getString("client_seed"));
                    assertNull(view.getValue("server_seed"));
                  });
                  return null;
                }));
          });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenASpectatorOnAWebSocket_whenTheGameIsPlayed_thenItReceivesEachEventExactlyAsTheLogServesIt(
      Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> WsClient.connect(vertx, node.httpPort(), "/ws/" + game.gameId + "?spectate")
          .compose(spectator -> spectator.await(f -> "state".equals(f.getString("type")))
              .compose(state -> game.play(30))
              .compose(p -> api.get("/games/" + game.gameId + "/events"))
              .compose(events -> {
                JsonArray log = events.body().getJsonArray("events");
                int last = log.getJsonObject(log.size() - 1).getInteger("seq");
                return spectator.await(f -> "event".equals(f.getString("type")) && f.getInteger("seq") == last).map(v -> {
                  test.verify(() -> {
                    List<JsonObject> frames = spectator.frames("event");
                    assertTrue(frames.size() >= 30, "the spectator saw the game: " + frames.size());
                    for (JsonObject frame : frames) {
                      assertEquals(log.getJsonObject(frame.getInteger("seq") - 1), frame.getJsonObject("event"),
                          "the socket's event " + frame.getInteger("seq") + " is the log's, hash and all");
                    }
                  });
                  return null;
                });
              })));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenBotsAndATimedOutPlayer_whenTheServerPlaysTheGameToItsEnd_thenItsRecordVerifies(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, Map.of(ConfigKey.BOT_DELAY_MS, 2)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      // Ann never acts: her first turn times out, one strike makes her away, and the server plays on for everyone
      return api.post("/games", null, new JsonObject().put("player_name", "Ann").put("max_players", 4).put("bots", 3)
              .put("turn_timeout_ms", 1000).put("max_strikes", 1))
          .compose(created -> gameOver(vertx, node, created.body().getString("game_id")))
          .compose(gameId -> fetch(api, gameId))
          .map(record -> {
            test.verify(() -> {
              List<String> types = record.events().getJsonArray("events").stream()
                  .map(e -> ((JsonObject) e).getString("type")).toList();
              assertTrue(types.contains("TURN_TIMER_SET") && types.contains("TURN_TIMED_OUT"), String.valueOf(types));
              assertEquals(List.of("bot-1", "bot-2", "bot-3"), record.fairness().getJsonArray("client_seeds").stream()
                  .skip(1).map(c -> ((JsonObject) c).getString("client_seed")).toList(), "bots' seeds are fixed by their seats");
              assertTrue(record.verify().ok(), record.verify().message());
            });
            return null;
          });
    }).onComplete(test.succeedingThenComplete());
  }

  /** Watches the game as a spectator until its GAME_FINISHED event. */
  private static Future<String> gameOver(Vertx vertx, Node node, String gameId) {
    return WsClient.connect(vertx, node.httpPort(), "/ws/" + gameId + "?spectate")
        .compose(spectator -> spectator.await(f -> "event".equals(f.getString("type"))
            && "GAME_FINISHED".equals(f.getJsonObject("event").getString("type"))))
        .map(finished -> gameId);
  }

  @Test
  void givenAnAbandonedGame_whenItEnds_thenTheSeedIsRevealedAndItsRecordVerifies(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api)
          .compose(game -> game.play(5).map(p -> game))
          .compose(game -> api.post("/games/" + game.gameId + "/leave", game.tokenBySeat.get(2), null)
              .compose(left -> fetch(api, game.gameId).map(record -> {
                test.verify(() -> {
                  assertEquals(200, left.status(), String.valueOf(left.body()));
                  JsonArray log = record.events().getJsonArray("events");
                  assertEquals("GAME_FINISHED", log.getJsonObject(log.size() - 1).getString("type"));
                  assertTrue(record.verify().ok(), record.verify().message());
                });
                return null;
              })));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenAGameTakenOverByAnotherNode_whenItFinishesThere_thenItsDiceAndChainCarryOnAndItVerifies(VertxTestContext test) {
    Vertx first = Vertx.vertx();
    Vertx second = Vertx.vertx();
    var config = TestNodes.config(Map.of());
    TestNodes.halfPlayedThenClosed(first, second, config, 40)
        .compose(halfPlayed -> Node.start(second, config).compose(node -> {
          ApiClient api = new ApiClient(second, node.httpPort());
          return RestGame.resume(api, halfPlayed)
              .compose(game -> game.play(20_000).map(p -> game))
              .compose(game -> fetch(api, game.gameId).map(record -> {
                test.verify(() -> {
                  assertEquals(Phase.FINISHED, game.local.phase());
                  assertTrue(record.verify().ok(), record.verify().message());
                });
                return null;
              }));
        }))
        .onComplete(ar -> {
          test.<Void>succeedingThenComplete().handle(ar.mapEmpty());
          second.close();
        });
  }

  // ---------------------------------------------------------------- tampering

  /** Every single character of the first roll's event and of the last event, changed, is found. */
  private static void tamperedEventsFail(PublicRecord record) {
    JsonArray log = record.events().getJsonArray("events");
    int firstRoll = 0;
    while (!"DICE_ROLLED".equals(log.getJsonObject(firstRoll).getString("type"))) {
      firstRoll++;
    }
    for (int index : new int[] {firstRoll, log.size() - 1}) {
      String text = log.getJsonObject(index).encode();
      int checked = 0;
      for (int at = 0; at < text.length(); at++) {
        char c = text.charAt(at);
        String changed = text.substring(0, at) + (c == '1' ? '2' : Character.isDigit(c) ? '1' : c == 'x' ? 'y' : 'x')
            + text.substring(at + 1);
        JsonObject event;
        try {
          event = new JsonObject(changed);
        } catch (RuntimeException unreadable) {
          continue; // not JSON any more: no verifier would take it
        }
        JsonArray tampered = log.copy();
        tampered.set(index, event);
        RecordVerifier.Result result = record.withEvents(tampered).verify();
        assertFalse(result.ok(), "changing character " + at + " of event " + (index + 1) + " went unnoticed: " + changed);
        checked++;
      }
      assertTrue(checked > text.length() / 2, "most changes still parse, and each was found");
    }
  }

  private static void tamperedSeedFails(PublicRecord record) {
    byte[] seed = HexFormat.of().parseHex(record.fairness().getString("server_seed"));
    for (int i = 0; i < seed.length; i++) {
      byte[] changed = seed.clone();
      changed[i] ^= 0x01;
      JsonObject fairness = record.fairness().copy().put("server_seed", HexFormat.of().formatHex(changed));
      RecordVerifier.Result result = RecordVerifier.verify(record.events(), fairness, record.certificate(), record.jwks());
      assertFalse(result.ok(), "seed byte " + i);
      assertTrue(result.message().startsWith("fairness: the server_seed hashes to"), result.message());
    }
  }

  private static void tamperedSignatureFails(PublicRecord record) {
    byte[] signature = Base64.getUrlDecoder().decode(record.certificate().getString("signature"));
    for (int i = 0; i < signature.length; i++) {
      byte[] changed = signature.clone();
      changed[i] ^= 0x01;
      JsonObject certificate = record.certificate().copy()
          .put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(changed));
      RecordVerifier.Result result = RecordVerifier.verify(record.events(), record.fairness(), certificate, record.jwks());
      assertFalse(result.ok(), "signature byte " + i);
      assertTrue(result.message().startsWith("certificate: the signature does not verify"), result.message());
    }
  }

  /**
   * Whoever holds the signing key and rewrites the chain still cannot change a roll: the dice are
   * re-derived from the revealed seed.
   */
  private static void aResealedAndResignedWrongRollStillFails(PublicRecord record, Node node) {
    JsonArray log = record.events().getJsonArray("events").copy();
    int roll = 0;
    while (!"DICE_ROLLED".equals(log.getJsonObject(roll).getString("type"))) {
      roll++;
    }
    JsonObject event = log.getJsonObject(roll);
    event.put("dice_value", event.getInteger("dice_value") % 6 + 1);
    RecordVerifier.Result result = resealedAndResigned(record, node, log);
    assertFalse(result.ok());
    assertTrue(result.message().startsWith("event " + (roll + 1) + ": the record says"), result.message());
  }

  /** The same for a move of a token that the roll did not allow. */
  private static void aResealedAndResignedIllegalMoveStillFails(PublicRecord record, Node node) {
    JsonArray log = record.events().getJsonArray("events").copy();
    for (int i = 1; i < log.size(); i++) {
      JsonObject rolled = log.getJsonObject(i - 1);
      if ("TOKEN_MOVED".equals(log.getJsonObject(i).getString("type")) && rolled.getJsonArray("legal_moves").size() < 4) {
        int illegal = 0;
        while (rolled.getJsonArray("legal_moves").contains(illegal)) {
          illegal++;
        }
        log.getJsonObject(i).put("token_index", illegal);
        RecordVerifier.Result result = resealedAndResigned(record, node, log);
        assertFalse(result.ok());
        assertTrue(result.message().startsWith("event " + (i + 1) + ": the engine refuses moving token " + illegal),
            result.message());
        assertTrue(result.message().contains("ILLEGAL_MOVE"), result.message());
        return;
      }
    }
    throw new AssertionError("no move with fewer than four choices in the game");
  }

  /** Verifies {@code log} after chaining it again and signing its new last hash with the node's own key. */
  private static RecordVerifier.Result resealedAndResigned(PublicRecord record, Node node, JsonArray log) {
    String prev = EventChain.GENESIS;
    for (int i = 0; i < log.size(); i++) {
      JsonObject sealed = EventChain.seal(prev, log.getJsonObject(i));
      log.set(i, sealed);
      prev = sealed.getString(EventChain.HASH);
    }
    JsonObject certificate = SigningKeys.from(node.config())
        .certificate(record.certificate().getString("game_id"), log.size(), prev);
    return RecordVerifier.verify(record.events().copy().put("events", log), record.fairness(), certificate, record.jwks());
  }

  private static int runVerifyCommand(PublicRecord record) {
    try {
      Path dir = Files.createTempDirectory("ludo-verify-");
      String[] args = new String[8];
      String[] names = {"events", "fairness", "certificate", "jwks"};
      JsonObject[] docs = {record.events(), record.fairness(), record.certificate(), record.jwks()};
      for (int i = 0; i < names.length; i++) {
        Path file = dir.resolve(names[i] + ".json");
        Files.writeString(file, docs[i].encodePrettily());
        args[2 * i] = "--" + names[i];
        args[2 * i + 1] = file.toString();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
      assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("OK: "), out.toString(StandardCharsets.UTF_8));
      for (String name : names) {
        Files.delete(dir.resolve(name + ".json"));
      }
      Files.delete(dir);
      return code;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** An operator with database access changes event 2's time. */
  private static Future<Void> tamperInPostgres(Vertx vertx, String gameId) {
    var pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestServices.get().dbUrl)).using(vertx).build();
    return pool.preparedQuery("UPDATE game_events SET payload = jsonb_set(payload::jsonb, '{at}', '0')::json"
            + " WHERE game_id = $1 AND seq = 2")
        .execute(Tuple.of(gameId))
        .<Void>mapEmpty()
        .eventually(pool::close);
  }

  private static Future<PublicRecord> fetch(ApiClient api, String gameId) {
    String base = "/games/" + gameId;
    return Future.all(api.get(base + "/events"), api.get(base + "/fairness"), api.get(base + "/certificate"),
            api.get("/.well-known/jwks.json"))
        .map(all -> {
          for (int i = 0; i < 4; i++) {
            ApiClient.Reply r = all.resultAt(i);
            assertEquals(200, r.status(), String.valueOf(r.body()));
          }
          return new PublicRecord(all.<ApiClient.Reply>resultAt(0).body(), all.<ApiClient.Reply>resultAt(1).body(),
              all.<ApiClient.Reply>resultAt(2).body(), all.<ApiClient.Reply>resultAt(3).body());
        });
  }
}
