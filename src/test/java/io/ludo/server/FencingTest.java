package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.server.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stale owner, still holding its game verticle after another node took the game over, hears of
 * the new epoch from Postgres at once (no command needed): it steps down, its clients are told
 * to reconnect, it appends nothing, and the game goes on under a new owner.
 */
@ExtendWith(VertxExtension.class)
class FencingTest {

  @Test
  void aStaleOwnerCannotAppendAndItsClientsAreToldToReconnect(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> game.play(6).compose(p -> game.untilRollPhase()))
          .compose(game -> WsClient.connect(vertx, node.httpPort(), "/ws/" + game.gameId + "?spectate")
              .compose(ws -> ws.await(f -> "state".equals(f.getString("type"))).map(state -> ws))
              .compose(ws -> api.get("/games/" + game.gameId + "/events").compose(before ->
                  // another node takes the game over behind the owner's back: a new epoch in Postgres
                  vertx.eventBus().request(Addresses.PERSIST_CLAIM,
                          new JsonObject().put("game_id", game.gameId).put("node", "usurper"))
                      .compose(claimed -> ws.await(f -> "reconnect".equals(f.getString("type"))))
                      .compose(notice -> ws.closed.future())
                      .compose(closeCode -> {
                        test.verify(() -> assertEquals((short) 1012, closeCode));
                        return api.get("/games/" + game.gameId + "/events");
                      })
                      .compose(after -> {
                        test.verify(() -> assertEquals(before.body().getJsonArray("events").size(),
                            after.body().getJsonArray("events").size(), "the stale owner appended nothing"));
                        // the next command finds no owner, loads the game afresh, and is accepted
                        return game.step();
                      })
                      .compose(v -> api.view(game.gameId))
                      .map(view -> {
                        test.verify(() -> assertEquals(game.local.current(), view.body().getInteger("current")));
                        return null;
                      }))));
    }).onComplete(test.succeedingThenComplete());
  }
}
