package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ludo.json.PositionJson;
import io.ludo.rules.Phase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
            EventLogs.assertGaplessAndFoldsTo(events.body().getJsonArray("events"), view.body());
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
