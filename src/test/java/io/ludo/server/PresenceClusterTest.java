package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.Clustering;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A game's owner counts sockets by the node that holds them, sends its frames to those nodes, and
 * forgets a node that left the cluster.
 */
@ExtendWith(VertxExtension.class)
class PresenceClusterTest {
  /** A dead node leaves the list of live nodes within its entry's time to live (6 s) and a refresh (2 s). */
  private static final long DECAY_BOUND_MS = 15_000;
  private final List<Vertx> vertxes = new ArrayList<>();

  @AfterEach
  void closeNodes() {
    vertxes.forEach(Vertx::close);
  }

  @Test
  @Timeout(value = 2, timeUnit = TimeUnit.MINUTES)
  void givenAPlayersSocketOnANodeThatDiesThenTheOwnerSoonSaysTheyAreNotConnected(Vertx testVertx, VertxTestContext test)
      throws Exception {
    ApiClient api = twoNodes(testVertx, "p");
    startBoth()
        .compose(v -> RestGame.open(api))
        .compose(game -> seatZeroOnTheHolder(testVertx, game)
            .compose(ws -> ViewPolling.until(testVertx, api, game.gameId, view -> !ViewPolling.nobodyConnected(view), 5_000))
            .compose(connected -> {
              // the holder's cluster member dies without a goodbye; its socket stays open, as a
              // cut-off or frozen node's would, so no close ever reaches the owner
              ClusterFailoverTest.hazelcastOf(vertxes.get(1)).getLifecycleService().terminate();
              return ViewPolling.until(testVertx, api, game.gameId, ViewPolling::nobodyConnected, DECAY_BOUND_MS);
            }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @Timeout(value = 2, timeUnit = TimeUnit.MINUTES)
  void givenASocketOnAnotherNodeThanTheOwnerThenItGetsEveryEventWithoutAClusterWideRegistration(Vertx testVertx,
      VertxTestContext test) throws Exception {
    ApiClient api = twoNodes(testVertx, "f");
    startBoth()
        .compose(v -> RestGame.open(api))
        .compose(game -> seatZeroOnTheHolder(testVertx, game)
            .compose(ws -> ws.await(f -> "state".equals(f.getString("type"))).compose(state -> game.play(40)
                .compose(played -> api.view(game.gameId))
                .compose(view -> {
                  int lastSeq = view.body().getInteger("seq");
                  return ws.await(f -> f.getInteger("seq", 0) == lastSeq).compose(last -> registrations(game.gameId))
                      .map(registered -> {
                        test.verify(() -> {
                          assertEquals("f0", view.body().getString("owner_node"));
                          assertEveryEventOnceInOrder(state, ws.frames("event"), lastSeq, "every event after the state, once, in order");
                          // the holder's hub listens within its node: the cluster keeps nothing per game
                          assertEquals(List.of(), registered);
                        });
                        return null;
                      });
                }))))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @Timeout(value = 2, timeUnit = TimeUnit.MINUTES)
  void givenANodeTheOwnerGaveUpOnWhenItIsLiveAgainThenItsSocketIsCountedAgainAndGetsWhatItMissed(Vertx testVertx,
      VertxTestContext test) throws Exception {
    ApiClient api = twoNodes(testVertx, "r");
    startBoth()
        .compose(v -> RestGame.open(api))
        .compose(game -> seatZeroOnTheHolder(testVertx, game).compose(ws -> spectatorBridgeOnTheHolder(testVertx, game)
            .compose(bridge -> ViewPolling.until(testVertx, api, game.gameId,
                    view -> !ViewPolling.nobodyConnected(view) && view.getInteger("spectators") == 1, 5_000)
                .compose(connected -> {
                  // the owner's cluster entry saw the holder drop out (as a frozen node's entry expires)
                  nodesChanged("r1", "left");
                  return ViewPolling.until(testVertx, api, game.gameId, ViewPolling::nobodyConnected, 5_000);
                })
                // events the holder's socket cannot get: the owner counts no socket there
                .compose(forgotten -> game.play(3))
                .compose(forgotten -> {
                  // and then come back with its socket still open
                  nodesChanged("r1", "returned");
                  return ViewPolling.until(testVertx, api, game.gameId, view -> !ViewPolling.nobodyConnected(view), 5_000);
                })
                .compose(countedAgain -> game.play(6))
                .compose(played -> api.view(game.gameId))
                .compose(view -> {
                  int lastSeq = view.body().getInteger("seq");
                  String events = Addresses.gameEvents(game.gameId);
                  return ws.await(f -> f.getInteger("seq", 0) == lastSeq)
                      .compose(last -> bridge.awaitBody(events, b -> b.getInteger("seq", 0) == lastSeq))
                      .map(last -> {
                        test.verify(() -> {
                          assertEveryEventOnceInOrder(ws.frames("state").get(0), ws.frames("event"), lastSeq,
                              "every event once, in order: the missed ones read from the owner");
                          List<JsonObject> bodies = bridge.received().stream()
                              .filter(f -> "rec".equals(f.getString("type")) && events.equals(f.getString("address")))
                              .map(f -> f.getJsonObject("body")).toList();
                          assertEveryEventOnceInOrder(bodies.stream().filter(b -> "state".equals(b.getString("type"))).findFirst().orElseThrow(),
                              bodies.stream().filter(b -> "event".equals(b.getString("type"))).toList(), lastSeq,
                              "and so over the bridge");
                        });
                        return null;
                      });
                }))))
        .onComplete(test.succeedingThenComplete());
  }

  /** Each event after the state up to {@code lastSeq} came, once and in order. */
  private static void assertEveryEventOnceInOrder(JsonObject state, List<JsonObject> events, int lastSeq, String why) {
    List<Integer> expected = new ArrayList<>();
    for (int seq = state.getInteger("seq") + 1; seq <= lastSeq; seq++) {
      expected.add(seq);
    }
    assertEquals(expected, events.stream().map(f -> f.getInteger("seq")).toList(), why);
  }

  /** A spectator's bridge registration on the node that does not own the game, once its state came. */
  private Future<BridgeClient> spectatorBridgeOnTheHolder(Vertx testVertx, RestGame game) {
    String events = Addresses.gameEvents(game.gameId);
    return BridgeClient.connect(testVertx, holder.integer(ConfigKey.HTTP_PORT)).compose(bridge -> {
      bridge.register(events, null);
      return bridge.awaitBody(events, b -> "state".equals(b.getString("type"))).map(state -> bridge);
    });
  }

  private Config owner;
  private Config holder;

  /** Two nodes, {@code <prefix>0} (the owner of the games made through the client returned) and {@code <prefix>1}. */
  private ApiClient twoNodes(Vertx testVertx, String prefix) throws Exception {
    int[] hz = {EmbeddedServices.freePort(), EmbeddedServices.freePort()};
    String members = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1];
    owner = TestNodes.config(Map.of(ConfigKey.NODE_ID, prefix + "0", ConfigKey.CLUSTER_PORT, hz[0], ConfigKey.CLUSTER_MEMBERS, members));
    holder = TestNodes.config(Map.of(ConfigKey.NODE_ID, prefix + "1", ConfigKey.CLUSTER_PORT, hz[1], ConfigKey.CLUSTER_MEMBERS, members));
    return new ApiClient(testVertx, owner.integer(ConfigKey.HTTP_PORT));
  }

  private Future<Node> startBoth() {
    return start(owner).compose(v -> start(holder));
  }

  /** The socket of the game's seat 0, on the node that does not own the game. */
  private Future<WsClient> seatZeroOnTheHolder(Vertx testVertx, RestGame game) {
    return WsClient.connect(testVertx, holder.integer(ConfigKey.HTTP_PORT),
        "/ws/" + game.gameId + "/" + game.playerBySeat.get(0) + "?token=" + game.tokenBySeat.get(0));
  }

  private void nodesChanged(String node, String change) {
    vertxes.get(0).eventBus().publish(Addresses.NODES_CHANGED, new JsonObject().put("node", node).put("change", change),
        new io.vertx.core.eventbus.DeliveryOptions().setLocalOnly(true));
  }

  private Future<List<RegistrationInfo>> registrations(String gameId) {
    Promise<List<RegistrationInfo>> found = Promise.promise();
    ((VertxInternal) vertxes.get(0)).clusterManager().getRegistrations(Addresses.gameEvents(gameId), found);
    return found.future();
  }

  private Future<Node> start(Config config) {
    return Clustering.start(config).compose(vx -> {
      vertxes.add(vx);
      return Node.start(vx, config);
    });
  }
}
