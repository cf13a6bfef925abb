package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's move validator, played against a fake one: approve, reject, slow, 5xx, down, under
 * both policies; the circuit opens and closes again; no move is applied twice or lost on any path.
 */
@ExtendWith(VertxExtension.class)
class ValidatorTest {
  private static final String API_KEY = "validator-test-key";
  private static final int TIMEOUT_MS = 500;
  private static final int RESET_MS = 400;

  /** A validator whose answer the test sets: approve, reject, fail (500), unauthorized (401), throttled (429), slow (past the time-out), slow-ok. */
  static final class FakeValidator {
    volatile String mode = "approve";
    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer server;

    Future<FakeValidator> start(Vertx vertx) {
      server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
        requests.add(new JsonObject().put("path", req.path()).put("body", body.toJsonObject()));
        authorizations.add(req.getHeader("Authorization"));
        switch (mode) {
          case "approve" -> req.response().setStatusCode(200).end("{\"ok\":true}");
          case "reject" -> req.response().setStatusCode(403).end("{\"reason\":\"suspicious\"}");
          case "fail" -> req.response().setStatusCode(500).end();
          case "unauthorized" -> req.response().setStatusCode(401).end();
          case "throttled" -> req.response().setStatusCode(429).putHeader("Retry-After", "1").end();
          case "slow" -> vertx.setTimer(3L * TIMEOUT_MS, t -> req.response().setStatusCode(200).end());
          case "slow-ok" -> vertx.setTimer(TIMEOUT_MS / 5, t -> req.response().setStatusCode(204).end());
          default -> throw new IllegalStateException(mode);
        }
      }));
      return server.listen(0, "127.0.0.1").map(s -> this);
    }

    String url() {
      return "http://127.0.0.1:" + server.actualPort();
    }
  }

  private static Map<ConfigKey, Object> validated(FakeValidator fake, String policy) {
    return Map.of(ConfigKey.VALIDATOR_URL, fake.url() + "/", ConfigKey.VALIDATOR_API_KEY, API_KEY,
        ConfigKey.VALIDATOR_POLICY, policy, ConfigKey.VALIDATOR_TIMEOUT_MS, TIMEOUT_MS,
        ConfigKey.VALIDATOR_BREAKER_FAILURES, 2, ConfigKey.VALIDATOR_BREAKER_RESET_MS, RESET_MS);
  }

  @Test
  void givenFailClosed_whenTheValidatorApprovesRejectsFailsAndRecovers_thenOnlyApprovedMovesAreApplied(
      Vertx vertx, VertxTestContext test) {
    FakeValidator fake = new FakeValidator();
    fake.start(vertx).compose(f -> TestNodes.start(vertx, validated(fake, "fail-closed"))).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        Moves moves = new Moves(api, game);
        return moves.attempt().compose(approved -> {
          JsonObject asked = fake.requests.get(0);
          test.verify(() -> {
            assertEquals(200, approved.reply.status(), String.valueOf(approved.reply.body()));
            assertEquals("/v1/games/" + game.gameId + "/validate", asked.getString("path"));
            assertEquals("Bearer " + API_KEY, fake.authorizations.get(0));
            JsonObject body = asked.getJsonObject("body");
            assertEquals(game.playerBySeat.get(approved.turn.getInteger("current")), body.getString("player_id"));
            assertEquals(approved.token, body.getInteger("token_index"));
            assertEquals(approved.turn.getInteger("dice"), body.getInteger("dice_value"));
            assertEquals(approved.turn.getInteger("seq") + 1, body.getInteger("seq"), "the seq its TOKEN_MOVED gets");
          });
          return moves.attemptWith(fake, "reject", 422, "VALIDATOR_REJECTED", test);
        })
            .compose(v -> moves.attemptWith(fake, "fail", 503, "VALIDATOR_UNAVAILABLE", test))
            .compose(v -> moves.attemptWith(fake, "slow", 503, "VALIDATOR_UNAVAILABLE", test))
            .compose(v -> {
              // two failures: the circuit is open, and the validator is not even asked
              int asked = fake.requests.size();
              return moves.attemptWith(fake, "approve", 503, "VALIDATOR_UNAVAILABLE", test)
                  .map(x -> {
                    test.verify(() -> assertEquals(asked, fake.requests.size(), "an open circuit asks no one"));
                    return null;
                  });
            })
            // after the reset time one call goes through, succeeds, and the circuit closes
            .compose(v -> moves.untilApplied(vertx, 40))
            .compose(v -> moves.attempt().map(again -> {
              test.verify(() -> assertEquals(200, again.reply.status(), "closed again"));
              return null;
            }))
            .compose(v -> fake.server.close())
            .compose(v -> moves.attemptWith(fake, "approve", 503, "VALIDATOR_UNAVAILABLE", test))
            .compose(v -> moves.assertAppliedExactlyOnceEach(test));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenFailOpen_whenTheValidatorFailsOrIsDown_thenMovesAreAppliedButARejectionStillRefuses(
      Vertx vertx, VertxTestContext test) {
    FakeValidator fake = new FakeValidator();
    fake.start(vertx).compose(f -> TestNodes.start(vertx, validated(fake, "fail-open"))).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      WebClient http = WebClient.create(vertx);
      return RestGame.open(api).compose(game -> {
        Moves moves = new Moves(api, game);
        return moves.attemptWith(fake, "fail", 200, null, test)
            .compose(v -> moves.attemptWith(fake, "reject", 422, "VALIDATOR_REJECTED", test))
            .compose(v -> moves.attemptWith(fake, "slow", 200, null, test))
            // one move sent twice at once under one Idempotency-Key, while the validator takes its time
            .compose(v -> moves.untilMovePending())
            .compose(turn -> {
              fake.mode = "slow-ok";
              int asked = fake.requests.size();
              int seat = turn.getInteger("current");
              int token = turn.getJsonArray("legal_moves").getInteger(0);
              var send = (java.util.function.Supplier<Future<JsonObject>>) () -> http
                  .post(node.httpPort(), "127.0.0.1", "/games/" + game.gameId + "/move")
                  .putHeader("Authorization", "Bearer " + game.tokenBySeat.get(seat))
                  .putHeader("Idempotency-Key", "move-once")
                  .sendJsonObject(new JsonObject().put("player_id", game.playerBySeat.get(seat)).put("token_index", token))
                  .map(r -> r.bodyAsJsonObject().put("status", r.statusCode()));
              return Future.all(send.get(), send.get()).map(both -> {
                JsonObject first = both.resultAt(0);
                JsonObject second = both.resultAt(1);
                test.verify(() -> {
                  assertEquals(200, first.getInteger("status"), first.encode());
                  assertEquals(first, second, "the resend is answered with the first reply");
                  assertEquals(asked + 1, fake.requests.size(), "validated once");
                });
                moves.applied++;
                return null;
              });
            })
            .compose(v -> fake.server.close())
            .compose(v -> moves.attemptWith(fake, "approve", 200, null, test))
            .compose(v -> moves.assertAppliedExactlyOnceEach(test))
            // failed, slow and down: three moves applied unvalidated, counted for operators
            .compose(v -> failOpenCount(vertx, new ApiClient(vertx, node.adminPort()), node.config().string(ConfigKey.NODE_ID), 3, 20))
            .map(count -> {
              test.verify(() -> assertEquals(3L, count));
              return null;
            });
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenFailClosed_whenTheValidatorAnswers401Or429_thenTheMoveIsUnavailableAndTheCircuitOpens(
      Vertx vertx, VertxTestContext test) {
    FakeValidator fake = new FakeValidator();
    fake.start(vertx).compose(f -> TestNodes.start(vertx, validated(fake, "fail-closed"))).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        Moves moves = new Moves(api, game);
        return moves.attemptWith(fake, "unauthorized", 503, "VALIDATOR_UNAVAILABLE", test)
            .compose(v -> moves.attemptWith(fake, "throttled", 503, "VALIDATOR_UNAVAILABLE", test))
            .compose(v -> {
              // two failures (the breaker's limit): the validator is no longer asked
              int asked = fake.requests.size();
              return moves.attemptWith(fake, "approve", 503, "VALIDATOR_UNAVAILABLE", test)
                  .map(x -> {
                    test.verify(() -> assertEquals(asked, fake.requests.size(), "401 and 429 opened the circuit"));
                    return null;
                  });
            })
            .compose(v -> moves.assertAppliedExactlyOnceEach(test));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenFailOpen_whenTheValidatorAnswers401Or429_thenTheMoveIsApplied(Vertx vertx, VertxTestContext test) {
    FakeValidator fake = new FakeValidator();
    fake.start(vertx).compose(f -> TestNodes.start(vertx, validated(fake, "fail-open"))).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        Moves moves = new Moves(api, game);
        return moves.attemptWith(fake, "unauthorized", 200, null, test)
            .compose(v -> moves.attemptWith(fake, "throttled", 200, null, test))
            .compose(v -> moves.assertAppliedExactlyOnceEach(test));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  /**
   * The node's {@code validator_fail_open} in {@code /cluster/nodes} (read from {@code admin}), once it reaches {@code expected}
   * (each node announces itself every two seconds: no event to await, so the list is read again).
   */
  private static Future<Long> failOpenCount(Vertx vertx, ApiClient admin, String nodeId, long expected, int triesLeft) {
    return admin.get("/cluster/nodes").compose(nodes -> {
      long count = nodes.body().getJsonArray("nodes").stream().map(n -> (JsonObject) n)
          .filter(n -> nodeId.equals(n.getString("id"))).mapToLong(n -> n.getLong("validator_fail_open", 0L)).sum();
      if (count >= expected || triesLeft == 0) {
        return Future.succeededFuture(count);
      }
      return vertx.timer(500).compose(t -> failOpenCount(vertx, admin, nodeId, expected, triesLeft - 1));
    });
  }

  /** Plays a game to the point of a move and attempts it, counting the moves applied. */
  private static final class Moves {
    record Attempt(JsonObject turn, int token, ApiClient.Reply reply) {}

    final ApiClient api;
    final RestGame game;
    int applied;

    Moves(ApiClient api, RestGame game) {
      this.api = api;
      this.game = game;
    }

    /** Rolls until the seat to act must move; answers the turn then. */
    Future<JsonObject> untilMovePending() {
      return api.view(game.gameId).compose(view -> {
        JsonObject turn = view.body().getJsonObject("turn");
        if ("MOVE".equals(turn.getString("phase"))) {
          return Future.succeededFuture(turn);
        }
        return api.roll(game.gameId, game.tokenBySeat.get(turn.getInteger("current")))
            .compose(rolled -> untilMovePending());
      });
    }

    Future<Attempt> attempt() {
      return untilMovePending().compose(turn -> {
        int seat = turn.getInteger("current");
        int token = turn.getJsonArray("legal_moves").getInteger(0);
        return api.move(game.gameId, game.tokenBySeat.get(seat), game.playerBySeat.get(seat), token)
            .compose(reply -> api.view(game.gameId).map(after -> {
              if (reply.status() == 200) {
                applied++;
              } else {
                assertEquals(turn, after.body().getJsonObject("turn"), "a refused move leaves the game as it was");
              }
              return new Attempt(turn, token, reply);
            }));
      });
    }

    Future<Void> attemptWith(FakeValidator fake, String mode, int status, String code, VertxTestContext test) {
      fake.mode = mode;
      return attempt().map(a -> {
        test.verify(() -> {
          assertEquals(status, a.reply.status(), mode + ": " + a.reply.body());
          if (code != null) {
            assertEquals(code, a.reply.code());
          }
        });
        return null;
      });
    }

    /** Attempts the pending move until it is applied: a half-open circuit lets one call through after its reset time. */
    Future<Void> untilApplied(Vertx vertx, int triesLeft) {
      return attempt().compose(a -> {
        if (a.reply.status() == 200) {
          return Future.succeededFuture();
        }
        assertEquals("VALIDATOR_UNAVAILABLE", a.reply.code());
        assertTrue(triesLeft > 0, "the circuit closes again after its reset time");
        Promise<Void> later = Promise.promise();
        vertx.setTimer(RESET_MS / 4, t -> later.complete());
        return later.future().compose(v -> untilApplied(vertx, triesLeft - 1));
      });
    }

    /** The log holds one TOKEN_MOVED per applied move, and is gapless, chained and folds to the view. */
    Future<Void> assertAppliedExactlyOnceEach(VertxTestContext test) {
      return api.view(game.gameId).compose(view -> api.get("/games/" + game.gameId + "/events").map(events -> {
        JsonArray log = events.body().getJsonArray("events");
        test.verify(() -> {
          long moved = log.stream().filter(e -> "TOKEN_MOVED".equals(((JsonObject) e).getString("type"))).count();
          assertEquals(applied, moved, "every applied move once, no refused one");
          EventLogs.assertGaplessAndFoldsTo(log, view.body());
        });
        return null;
      }));
    }
  }
}
