package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With its database stopped a game refuses commands with a retryable error, then goes on. */
@ExtendWith(VertxExtension.class)
class DurabilityTest {

  @Test
  void whileTheDatabaseIsDownCommandsFailRetryablyAndNothingIsLostOrDoubled(Vertx vertx, VertxTestContext test)
      throws Exception {
    Path dir = Files.createTempDirectory("ludo-durability-");
    int port = EmbeddedServices.freePort();
    EmbeddedServices[] db = {new EmbeddedServices()};
    String url = db[0].startPostgres(dir, port);

    TestNodes.start(vertx, Map.of(ConfigKey.DB_URL, url, ConfigKey.COMMAND_TIMEOUT_MS, 8_000)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> game.play(10).compose(p -> game.untilRollPhase()))
          .compose(game -> vertx.executeBlocking(() -> {
            db[0].close();
            return game;
          }))
          .compose(game -> {
            String token = game.tokenBySeat.get(game.local.current());
            return api.roll(game.gameId, token).compose(refused -> {
              test.verify(() -> {
                assertEquals(503, refused.status(), String.valueOf(refused.body()));
                assertEquals("UNAVAILABLE", refused.code());
              });
              return vertx.executeBlocking(() -> {
                db[0] = new EmbeddedServices();
                db[0].startPostgres(dir, port);
                return game;
              });
            });
          })
          .compose(game -> untilAccepted(game, 40))
          .compose(game -> game.play(20_000).map(p -> game))
          .compose(game -> api.view(game.gameId).compose(view -> api.get("/games/" + game.gameId + "/events")
              .map(events -> {
                test.verify(() -> {
                  EventLogs.assertGaplessAndFoldsTo(events.body().getJsonArray("events"), view.body());
                });
                return null;
              })));
    }).eventually(() -> vertx.executeBlocking(() -> {
      db[0].close();
      return null;
    })).onComplete(test.succeedingThenComplete());
  }

  /** Retries the next command while the pool reconnects; each failure must be the retryable one. */
  private static Future<RestGame> untilAccepted(RestGame game, int attempts) {
    assertTrue(attempts > 0, "the game did not come back once the database did");
    return game.step().map(v -> game).recover(e -> {
      assertTrue(String.valueOf(e.getMessage()).contains("503"), "only a retryable error while reconnecting: " + e);
      return Future.<Void>future(p -> game.api.view(game.gameId).onComplete(x -> p.complete()))
          .compose(v -> RestGame.resume(game.api, game))
          .compose(resumed -> untilAccepted(resumed, attempts - 1));
    });
  }
}
