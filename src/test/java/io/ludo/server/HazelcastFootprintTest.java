package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.Clustering;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nothing a game makes in Hazelcast outlives its room: no per-game object, no held lock, no owner entry. */
@ExtendWith(VertxExtension.class)
class HazelcastFootprintTest {

  @Test
  void givenAClusteredNodeThatPlayedGames_whenItsRoomsLeave_thenHazelcastHoldsNothingOfThem(
      Vertx testVertx, VertxTestContext test) throws Exception {
    Config config = TestNodes.config(Map.of(ConfigKey.CLUSTER_PORT, EmbeddedServices.freePort()));
    Vertx[] clustered = new Vertx[1];
    String[] gameId = new String[1];
    Clustering.start(config).compose(vx -> {
      clustered[0] = vx;
      return Node.start(vx, config);
    }).compose(node -> RestGame.open(new ApiClient(testVertx, node.httpPort()))
        .compose(game -> game.play(4).map(v -> gameId[0] = game.gameId))
        .compose(v -> node.stop()))
        .compose(stopped -> lockReleased(testVertx, hazelcast(clustered[0]), "ludo.owner." + gameId[0], 40))
        .map(released -> {
          HazelcastInstance hz = hazelcast(clustered[0]);
          Set<String> names = new TreeSet<>();
          for (DistributedObject o : hz.getDistributedObjects()) {
            names.add(o.getName());
          }
          test.verify(() -> {
            assertTrue(names.stream().noneMatch(n -> n.contains(gameId[0])), names.toString());
            assertFalse(names.contains("ludo.owners"), "no map of owners that nobody reads: " + names);
            assertTrue(released, "the room's lock is free");
            assertEquals(0, hz.getMap("__vertx.map.lock").size(), "a key lock leaves no entry");
          });
          return null;
        })
        .eventually(() -> clustered[0] == null ? io.vertx.core.Future.succeededFuture() : clustered[0].close())
        .onComplete(test.succeedingThenComplete());
  }

  private static HazelcastInstance hazelcast(Vertx clustered) {
    return ((HazelcastClusterManager) ((VertxInternal) clustered).clusterManager()).getHazelcastInstance();
  }

  /** Vert.x lets go of a Hazelcast lock on a thread of its own, with nothing to await: look again a little later. */
  private static io.vertx.core.Future<Boolean> lockReleased(Vertx vertx, HazelcastInstance hz, String lock, int triesLeft) {
    return vertx.<Boolean>executeBlocking(() -> !hz.getMap("__vertx.map.lock").isLocked(lock)).compose(free ->
        free || triesLeft == 0 ? io.vertx.core.Future.succeededFuture(free)
            : vertx.timer(50).compose(t -> lockReleased(vertx, hz, lock, triesLeft - 1)));
  }
}
