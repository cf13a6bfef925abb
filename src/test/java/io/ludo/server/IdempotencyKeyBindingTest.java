package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Idempotency-Key is bound to the request it first came with: the same request resent gets
 * the first reply; the same key with another request is refused (422 IDEMPOTENCY_KEY_REUSED)
 * and changes nothing. A join's key, its only proof, must be long enough not to be guessed.
 */
@ExtendWith(VertxExtension.class)
class IdempotencyKeyBindingTest {
  private static final String JOIN_KEY = "join-key-0123456789abcdef";

  private static Future<ApiClient.Reply> join(ApiClient api, String gameId, String name, String key) {
    return api.post("/games/" + gameId + "/join?player_name=" + name, null, null, key);
  }

  private static Future<Integer> seq(ApiClient api, String gameId) {
    return api.view(gameId).map(v -> v.body().getInteger("seq"));
  }

  @Test
  void aJoinKeyResentWithAnotherNameHandsOutNoSeat(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return api.create("Ann", 3).compose(created -> {
        String gameId = created.body().getString("game_id");
        // given Bob joined with a key
        return join(api, gameId, "Bob", JOIN_KEY).compose(bob -> seq(api, gameId).compose(before ->
            // when Eve sends Bob's key with her own name
            join(api, gameId, "Eve", JOIN_KEY).compose(eve -> join(api, gameId, "Bob", JOIN_KEY).compose(bobAgain ->
                seq(api, gameId).map(after -> {
                  test.verify(() -> {
                    // then she is refused and nothing changed; Bob's own resend gets his seat again
                    assertEquals(422, eve.status(), String.valueOf(eve.body()));
                    assertEquals("IDEMPOTENCY_KEY_REUSED", eve.code());
                    assertEquals(before, after, "no event for the refused join");
                    assertEquals(200, bobAgain.status());
                    assertEquals(bob.body().getString("player_id"), bobAgain.body().getString("player_id"));
                    assertEquals(bob.body().getInteger("seat"), bobAgain.body().getInteger("seat"));
                  });
                  return null;
                })))));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aJoinKeyShorterThanSixteenCharactersIsRefused(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return api.create("Ann", 2).compose(created -> {
        String gameId = created.body().getString("game_id");
        return join(api, gameId, "Bob", "short-key-15chr").compose(refused -> seq(api, gameId).map(seq -> {
          test.verify(() -> {
            assertEquals(400, refused.status(), String.valueOf(refused.body()));
            assertEquals("INVALID_INPUT", refused.code());
            assertEquals(2, seq, "created and Ann seated: nobody joined");
          });
          return null;
        }));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aRollKeyResentAsAMoveIsRefusedAndTheRollStillAnswersItsResend(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        int seat = 0;
        String token = game.tokenBySeat.get(seat);
        String uri = "/games/" + game.gameId;
        return api.post(uri + "/roll", token, null, "k-1").compose(roll -> seq(api, game.gameId).compose(before ->
            api.post(uri + "/move", token, new JsonObject().put("player_id", game.playerBySeat.get(seat)).put("token_index", 0), "k-1")
                .compose(move -> api.post(uri + "/leave", token, null, "k-1")
                    .compose(leave -> api.post(uri + "/roll", token, null, "k-1")
                        .compose(again -> seq(api, game.gameId).map(after -> {
                          test.verify(() -> {
                            assertEquals(200, roll.status(), String.valueOf(roll.body()));
                            assertEquals(422, move.status(), String.valueOf(move.body()));
                            assertEquals("IDEMPOTENCY_KEY_REUSED", move.code());
                            assertEquals(422, leave.status(), "another route, same key");
                            assertEquals(before, after, "nothing applied by the refused requests");
                            assertEquals(roll.body(), again.body(), "the roll's own resend: its first reply");
                          });
                          return null;
                        }))))));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void anotherSeatUsingTheSameKeyGetsNoReplyOfTheFirst(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        String uri = "/games/" + game.gameId;
        return api.post(uri + "/roll", game.tokenBySeat.get(0), null, "shared").compose(ann ->
            api.post(uri + "/roll", game.tokenBySeat.get(2), null, "shared").map(bob -> {
              test.verify(() -> {
                assertEquals(200, ann.status());
                assertNotEquals(200, bob.status(), "Bob is not answered with Ann's roll");
                assertEquals("IDEMPOTENCY_KEY_REUSED", bob.code());
              });
              return null;
            }));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aKeyResentLongAfterItsReplyLeftMemoryGetsItsFirstReplyFromTheLog(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        String uri = "/games/" + game.gameId;
        String token = game.tokenBySeat.get(0);
        // given a roll acknowledged, then many more commands than a room remembers replies of
        return api.post(uri + "/roll", token, null, "early-roll").compose(first -> RestGame.resume(api, game)
            .compose(RestGame::untilRollPhase).compose(g -> g.play(40)).compose(p -> api.view(game.gameId)).compose(before ->
                // when the roll is resent, and its key reused for a move
                api.post(uri + "/roll", token, null, "early-roll").compose(late ->
                    api.post(uri + "/move", token, new JsonObject().put("player_id", game.playerBySeat.get(0))
                        .put("token_index", 0), "early-roll").compose(reused -> api.view(game.gameId).map(after -> {
                      test.verify(() -> {
                        // then the resend gets its first reply, not a refusal, and nothing is applied
                        assertEquals(200, first.status(), String.valueOf(first.body()));
                        assertEquals(first.body(), late.body(), "answered from the log");
                        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.code(), String.valueOf(reused.body()));
                        assertEquals(before.body().getInteger("seq"), after.body().getInteger("seq"));
                      });
                      return null;
                    })))));
      });
    }).onComplete(test.succeedingThenComplete());
  }
}
