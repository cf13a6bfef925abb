package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.game.Game;
import io.ludo.game.GameEvent;
import io.ludo.json.GameEventJson;
import io.ludo.json.PositionJson;
import io.ludo.rules.Phase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RestartTest {

  @Test
  void aGameHalfPlayedBeforeARestartIsFinishedOnTheNewNode(VertxTestContext test) {
    Vertx first = Vertx.vertx();
    Vertx second = Vertx.vertx();
    var config = TestNodes.config(Map.of());
    var firstHalf = Node.start(first, config)
        .compose(node -> RestGame.open(new ApiClient(first, node.httpPort()))
            .compose(game -> game.play(40).map(p -> game))
            .compose(game -> node.stop().map(v -> game)))
        .toCompletionStage()
        // Closing a Vert.x ends its event loops: close it from outside them, carry on in the second.
        .thenComposeAsync(game -> first.close().toCompletionStage().thenApply(v -> game));
    Future.fromCompletionStage(firstHalf, second.getOrCreateContext())
        .compose(halfPlayed -> Node.start(second, config).compose(node -> {
          ApiClient api = new ApiClient(second, node.httpPort());
          return RestGame.resume(api, halfPlayed)
              .compose(game -> game.play(20_000).map(p -> game))
              .compose(game -> api.view(game.gameId).compose(view -> api.get("/games/" + game.gameId + "/events")
                  .map(events -> {
                    test.verify(() -> {
                      assertEquals(Phase.FINISHED, game.local.phase());
                      JsonArray log = events.body().getJsonArray("events");
                      var history = new ArrayList<GameEvent>();
                      for (int i = 0; i < log.size(); i++) {
                        assertEquals(i + 1, log.getJsonObject(i).getInteger("seq"), "gapless across the restart");
                        history.add(GameEventJson.read(log.getJsonObject(i)).event());
                      }
                      assertEquals(PositionJson.write(RestGame.positionOf(view.body())),
                          PositionJson.write(Game.fold(history).position()));
                    });
                    return null;
                  })));
        }))
        .onComplete(ar -> {
          test.<Void>succeedingThenComplete().handle(ar.mapEmpty());
          second.close();
        });
  }
}
