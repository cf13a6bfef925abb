package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ludo.game.Game;
import io.ludo.game.GameState;
import io.ludo.json.GameEventJson;
import io.ludo.json.PositionJson;
import io.ludo.rules.Phase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RestGameTest {

  @Test
  void aWholeGamePlayedThroughRestMatchesTheEngineAndItsLog(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> game.play(20_000).compose(finalPosition -> {
        assertEquals(Phase.FINISHED, finalPosition.phase(), "the game ends within the bound");
        return api.view(game.gameId).compose(view -> api.get("/games/" + game.gameId + "/events").map(events -> {
          test.verify(() -> {
            JsonArray log = events.body().getJsonArray("events");
            var history = new ArrayList<io.ludo.game.GameEvent>();
            for (int i = 0; i < log.size(); i++) {
              assertEquals(i + 1, log.getJsonObject(i).getInteger("seq"), "the log is gapless from 1");
              history.add(GameEventJson.read(log.getJsonObject(i)).event());
            }
            GameState folded = Game.fold(history);
            assertEquals(PositionJson.write(finalPosition), PositionJson.write(folded.position()));
            assertEquals(view.body().getInteger("seq"), folded.seq());
            assertEquals("FINISHED", view.body().getString("status"));
            assertEquals(PositionJson.write(finalPosition), PositionJson.write(RestGame.positionOf(view.body())));
            assertNotNull(view.body().getValue("winner"));
          });
          return null;
        }));
      }));
    }).onComplete(test.succeedingThenComplete());
  }
}
