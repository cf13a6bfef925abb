package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A command resent with the same Idempotency-Key is answered with its first reply, never applied twice. */
@ExtendWith(VertxExtension.class)
class IdempotencyTest {

  private static Future<ApiClient.Reply> nextCommand(ApiClient api, RestGame game, JsonObject turn) {
    int seat = turn.getInteger("current");
    return "MOVE".equals(turn.getString("phase"))
        ? api.move(game.gameId, game.tokenBySeat.get(seat), game.playerBySeat.get(seat), turn.getJsonArray("legal_moves").getInteger(0))
        : api.roll(game.gameId, game.tokenBySeat.get(seat));
  }

  @Test
  void aResentRollGetsTheSameReplyEvenAfterTheGameChangedOwner(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      WebClient http = WebClient.create(vertx);
      int[] otherRolls = {0};
      return RestGame.open(api).compose(game -> {
        String token = game.tokenBySeat.get(0);
        var roll = (java.util.function.Supplier<Future<JsonObject>>) () -> http
            .post(node.httpPort(), "127.0.0.1", "/games/" + game.gameId + "/roll")
            .putHeader("Authorization", "Bearer " + token).putHeader("Idempotency-Key", "roll-1")
            .send().map(r -> r.bodyAsJsonObject());
        return roll.get().compose(first -> roll.get().compose(second -> {
          test.verify(() -> assertEquals(first, second, "the resend is answered, not applied"));
          // another node takes the game over: the new owner still knows the command
          return vertx.eventBus().request(Addresses.PERSIST_CLAIM,
                  new JsonObject().put("game_id", game.gameId).put("node", "elsewhere"))
              .compose(v -> nextCommand(api, game, first.getJsonObject("turn")))
              .compose(next -> {
                // the stale owner stepped down when Postgres told of the claim: the command was
                // decided by a room loaded afresh, or (had it raced the notice) refused, never both
                test.verify(() -> assertTrue(next.status() == 200 || next.status() == 503, String.valueOf(next.body())));
                otherRolls[0] = next.status() == 200 && next.body().containsKey("dice_value") ? 1 : 0;
                return roll.get();
              })
              .compose(third -> api.get("/games/" + game.gameId + "/events").map(events -> {
                test.verify(() -> {
                  assertEquals(first, third, "answered from the record after the takeover");
                  long rolls = events.body().getJsonArray("events").stream()
                      .filter(e -> "DICE_ROLLED".equals(((JsonObject) e).getString("type"))).count();
                  assertEquals(1 + otherRolls[0], rolls, "the keyed roll once in the log (and the next command's, if it rolled)");
                });
                return null;
              }));
        }));
      });
    }).onComplete(test.succeedingThenComplete());
  }
}
