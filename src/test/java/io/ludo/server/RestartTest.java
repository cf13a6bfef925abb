package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.rules.Phase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
    TestNodes.halfPlayedThenClosed(first, second, config, 40)
        .compose(halfPlayed -> Node.start(second, config).compose(node -> {
          ApiClient api = new ApiClient(second, node.httpPort());
          return RestGame.resume(api, halfPlayed)
              .compose(game -> game.play(20_000).map(p -> game))
              .compose(game -> api.view(game.gameId).compose(view -> api.get("/games/" + game.gameId + "/events")
                  .map(events -> {
                    test.verify(() -> {
                      assertEquals(Phase.FINISHED, game.local.phase());
                      EventLogs.assertGaplessAndFoldsTo(events.body().getJsonArray("events"), view.body());
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
