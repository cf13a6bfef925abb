package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.bus.Addresses;
import io.ludo.server.game.GameIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A name of a game that does not exist (of the right shape, so that only the store can tell) is
 * refused through every door, and takes over nothing on the way: no room deployed, no ownership
 * epoch claimed, no row written.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class UnknownGameTest {

  @Test
  void aSpectatorSocketABridgeRegistrationAndRestCallsForARandomIdAreRefusedAndLeaveNothingBehind(Vertx vertx,
      VertxTestContext test) {
    String id = GameIds.next();
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    TestNodes.start(vertx).compose(node -> {
      int port = node.httpPort();
      ApiClient api = new ApiClient(vertx, port);
      int deployedBefore = vertx.deploymentIDs().size();
      vertx.eventBus().addOutboundInterceptor(delivery -> {
        sent.add(delivery.message().address());
        delivery.next();
      });
      // given a spectator socket on the random id: it is told, then closed with 4404
      return WsClient.connect(vertx, port, "/ws/" + id + "?spectate")
          .compose(ws -> ws.await(f -> "error".equals(f.getString("type"))).compose(error -> ws.closed.future()
              .map(code -> {
                test.verify(() -> {
                  assertEquals("GAME_NOT_FOUND", error.getString("code"));
                  assertEquals((short) 4404, code);
                });
                return null;
              })))
          // and a bridge registration to its events: refused with 404
          .compose(v -> BridgeClient.connect(vertx, port)).compose(bridge -> {
            String events = Addresses.gameEvents(id);
            Future<io.vertx.core.json.JsonObject> refused =
                bridge.await(f -> "err".equals(f.getString("type")) && events.equals(f.getString("address")));
            bridge.register(events, null);
            return refused.compose(err -> {
              test.verify(() -> {
                assertEquals("GAME_NOT_FOUND", err.getString("failureType"));
                assertEquals(404, err.getInteger("failureCode"));
              });
              return bridge.close();
            });
          })
          // and REST reads and a join: 404
          .compose(v -> Future.all(api.view(id), api.join(id, "Zed"), api.get("/games/" + id + "/events")))
          .compose(replies -> {
            test.verify(() -> replies.<ApiClient.Reply>list().forEach(r -> assertEquals(404, r.status(), r.body().encode())));
            return stored(vertx, id);
          })
          .compose(rows -> new ApiClient(vertx, node.adminPort()).get("/metrics").map(metrics -> {
            // then nothing was taken over for it
            test.verify(() -> {
              assertEquals(0L, rows, "rows of games and game_events for " + id);
              assertFalse(sent.contains(Addresses.PERSIST_CLAIM), "no ownership epoch was claimed: " + sent);
              assertTrue(sent.contains(Addresses.PERSIST_EXISTS), "the store was asked once whether it holds the game");
              assertEquals(deployedBefore, vertx.deploymentIDs().size(), "no room was deployed");
              assertEquals(0.0, gauge(metrics.body().getString("raw"), "ludo_games_active"), "games in memory");
            });
            return null;
          }));
    }).onComplete(test.succeedingThenComplete());
  }

  private static Future<Long> stored(Vertx vertx, String gameId) {
    var pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestServices.get().dbUrl)).using(vertx).build();
    return pool.preparedQuery("SELECT (SELECT count(*) FROM games WHERE game_id = $1)"
            + " + (SELECT count(*) FROM game_events WHERE game_id = $1)")
        .execute(Tuple.of(gameId))
        .map(rows -> rows.iterator().next().getLong(0))
        .eventually(pool::close);
  }

  private static double gauge(String prometheus, String name) {
    return prometheus.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }
}
