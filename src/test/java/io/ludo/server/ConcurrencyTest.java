package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.rules.Phase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many clients firing the same command at one game at once: exactly one is accepted. */
@ExtendWith(VertxExtension.class)
class ConcurrencyTest {
  private static final int CLIENTS = 24;
  private static final int TURNS = 12;

  @Test
  void ofManyIdenticalCommandsAtOnceExactlyOneIsAccepted(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> rounds(api, game, TURNS))
          .map(v -> null);
    }).onComplete(test.succeedingThenComplete());
  }

  private Future<Void> rounds(ApiClient api, RestGame game, int left) {
    if (left == 0 || game.local.phase() == Phase.FINISHED) {
      return Future.succeededFuture();
    }
    int seat = game.local.current();
    String token = game.tokenBySeat.get(seat);
    List<Future<ApiClient.Reply>> burst = new ArrayList<>();
    boolean rolling = game.local.phase() == Phase.ROLL;
    int tokenIndex = rolling ? -1 : new io.ludo.rules.Rules(io.ludo.rules.Options.DEFAULTS).legalMoves(game.local).get(0);
    for (int i = 0; i < CLIENTS; i++) {
      burst.add(rolling ? api.roll(game.gameId, token) : api.move(game.gameId, token, game.playerBySeat.get(seat), tokenIndex));
    }
    return Future.all(burst).compose(all -> {
      long accepted = burst.stream().filter(f -> f.result().status() == 200).count();
      assertEquals(1, accepted, "exactly one of the identical commands is accepted");
      burst.stream().filter(f -> f.result().status() != 200)
          .forEach(f -> assertEquals(true, f.result().status() == 409 || f.result().status() == 403
              || f.result().status() == 422, String.valueOf(f.result().body())));
      return RestGame.resume(api, game);
    }).compose(next -> rounds(api, next, left - 1));
  }
}
