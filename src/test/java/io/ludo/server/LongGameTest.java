package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.fairness.SigningKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Long games: a certificate past 10,000 events, and a bounded memory of accepted commands. */
@ExtendWith(VertxExtension.class)
class LongGameTest {
  private static final int EVENTS = 10_000;

  @Test
  void givenAFinishedGameOfMoreThan10000Events_whenItsCertificateIsAsked_thenTheLastEventIsSigned(
      Vertx vertx, VertxTestContext test) {
    String gameId = io.ludo.server.game.GameIds.next();
    int last = EVENTS + 1;
    TestNodes.start(vertx).compose(node -> SyntheticLogs.append(vertx, gameId, 0, EVENTS, "TOKEN_MOVED", "PLAYING", null)
        .compose(v -> SyntheticLogs.append(vertx, gameId, EVENTS, 1, "GAME_FINISHED", "FINISHED", null))
        .compose(v -> new ApiClient(vertx, node.httpPort()).get("/games/" + gameId + "/certificate"))
        .map(certificate -> {
          test.verify(() -> {
            assertEquals(200, certificate.status(), String.valueOf(certificate.body()));
            assertEquals(last, certificate.body().getInteger("last_seq"));
            assertEquals(SyntheticLogs.hash(last), certificate.body().getString("last_hash"));
            JsonObject expected = SigningKeys.from(node.config()).certificate(gameId, last, SyntheticLogs.hash(last));
            assertEquals(expected.getString("signature"), certificate.body().getString("signature"));
          });
          return null;
        }))
        .onComplete(test.succeedingThenComplete());
  }
}
