package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.auth.SeatTokens;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An open socket does not outlive its token: each command is checked against its expiry, and a
 * client renews its seat's token (POST /games/{id}/token) and hands the new one to its socket.
 */
@ExtendWith(VertxExtension.class)
class TokenRenewalTest {
  private static final int SHORT_TTL_S = 2;

  /** Completes once the clock has passed {@code epochMs}: a token's expiry is a time, not an event. */
  private static Future<Void> after(Vertx vertx, long epochMs) {
    Promise<Void> passed = Promise.promise();
    vertx.setTimer(Math.max(1, epochMs - System.currentTimeMillis() + 50), id -> passed.complete());
    return passed.future();
  }

  private static long expiryMs(String token) {
    String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    return new JsonObject(payload).getLong("exp") * 1000;
  }

  @Test
  void aSocketsCommandAfterItsTokenRanOutIsRefusedUntilItTakesARenewedOne(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, Map.of(ConfigKey.JWT_TTL_S, SHORT_TTL_S)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> {
        String token = game.tokenBySeat.get(0);
        String uri = "/ws/" + game.gameId + "/" + game.playerBySeat.get(0) + "?token=" + token;
        return WsClient.connect(vertx, node.httpPort(), uri).compose(ws -> ws.await(f -> "state".equals(f.getString("type")))
            .compose(state -> after(vertx, expiryMs(token)))
            .compose(v -> ws.request(new JsonObject().put("type", "roll")))
            .compose(refused -> api.post("/games/" + game.gameId + "/token", token, null).compose(lateRenewal -> {
              test.verify(() -> {
                assertEquals("error", refused.getString("type"), refused.encode());
                assertEquals("UNAUTHORIZED", refused.getString("code"));
                assertEquals(401, lateRenewal.status(), "an expired token renews nothing");
              });
              // a token for the same seat issued elsewhere in the cluster (same key), still valid
              String fresh = new SeatTokens(vertx, TestNodes.JWT_KEY, 3600).issue(game.gameId, game.playerBySeat.get(0), 0);
              String otherSeat = new SeatTokens(vertx, TestNodes.JWT_KEY, 3600).issue(game.gameId, game.playerBySeat.get(2), 2);
              return ws.request(new JsonObject().put("type", "token").put("token", otherSeat))
                  .compose(wrongSeat -> ws.request(new JsonObject().put("type", "token").put("token", fresh))
                      .compose(renewed -> ws.request(new JsonObject().put("type", "roll")).map(rolled -> {
                        test.verify(() -> {
                          assertEquals("FORBIDDEN", wrongSeat.getString("code"), wrongSeat.encode());
                          assertEquals("ack", renewed.getString("type"), renewed.encode());
                          assertEquals("ack", rolled.getString("type"), rolled.encode());
                          assertTrue(rolled.containsKey("dice_value"));
                        });
                        return null;
                      })));
            })));
      });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aBridgeCommandAfterItsTokenRanOutIsRefused401AndARenewedTokenActs(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx, Map.of(ConfigKey.JWT_TTL_S, SHORT_TTL_S)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> BridgeClient.connect(vertx, node.httpPort()).compose(bridge -> {
        String token = game.tokenBySeat.get(0);
        String commands = io.ludo.server.bus.Addresses.gameCommands(game.gameId);
        JsonObject roll = new JsonObject().put("type", "roll");
        String fresh = new SeatTokens(vertx, TestNodes.JWT_KEY, 3600).issue(game.gameId, game.playerBySeat.get(0), 0);
        return after(vertx, expiryMs(token))
            .compose(v -> bridge.send(commands, roll, token))
            .compose(refused -> bridge.send(commands, roll, fresh).map(rolled -> {
              test.verify(() -> {
                JsonObject error = refused.getJsonObject("body");
                assertEquals("UNAUTHORIZED", error.getString("code"), refused.encode());
                assertEquals(401, error.getInteger("status"));
                assertEquals("ack", rolled.getJsonObject("body").getString("type"), rolled.encode());
              });
              return null;
            }));
      }));
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aValidTokenIsRenewedForTheSameSeatAndAnotherGamesTokenIsRefused(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> RestGame.open(api).compose(other ->
          api.post("/games/" + game.gameId + "/token", game.tokenBySeat.get(0), null).compose(renewed ->
              api.post("/games/" + game.gameId + "/token", other.tokenBySeat.get(0), null).compose(foreign ->
                  api.post("/games/" + game.gameId + "/token", null, null).compose(none ->
                      api.roll(game.gameId, renewed.body().getString("token")).map(rolledWithRenewed -> {
                        test.verify(() -> {
                          assertEquals(200, renewed.status(), String.valueOf(renewed.body()));
                          assertEquals(game.playerBySeat.get(0), renewed.body().getString("player_id"));
                          assertEquals(0, renewed.body().getInteger("seat"));
                          assertTrue(renewed.body().getLong("expires_at") > System.currentTimeMillis());
                          assertEquals(403, foreign.status());
                          assertEquals(401, none.status());
                          assertEquals(200, rolledWithRenewed.status(), "the renewed token acts for its seat: "
                              + rolledWithRenewed.body());
                        });
                        return null;
                      }))))));
    }).onComplete(test.succeedingThenComplete());
  }
}
