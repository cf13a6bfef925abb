package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.json.PositionJson;
import io.ludo.rules.Phase;
import io.ludo.server.bus.Addresses;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.Clustering;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Three clustered nodes in one JVM: any node serves any game, and a dead owner's game goes on. */
@ExtendWith(VertxExtension.class)
class ClusterFailoverTest {
  private final List<Vertx> vertxes = new ArrayList<>();

  @Test
  @Timeout(value = 3, timeUnit = TimeUnit.MINUTES)
  void aGameWhoseOwnerDiesAbruptlyIsFinishedThroughTheSurvivors(Vertx testVertx, VertxTestContext test) throws Exception {
    int[] hz = {EmbeddedServices.freePort(), EmbeddedServices.freePort(), EmbeddedServices.freePort()};
    String members = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1] + ",127.0.0.1:" + hz[2];
    List<Config> configs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      configs.add(TestNodes.config(Map.of(ConfigKey.NODE_ID, "n" + i, ConfigKey.CLUSTER_PORT, hz[i],
          ConfigKey.CLUSTER_MEMBERS, members, ConfigKey.BOT_DELAY_MS, 5, ConfigKey.ORPHAN_SWEEP_MS, 1000,
          // the sync through a survivor replays every event since the death, however long the game ran on
          ConfigKey.WS_SYNC_MAX_EVENTS, 100_000)));
    }
    List<Node> nodes = new ArrayList<>();
    Future<Void> started = Future.succeededFuture();
    for (Config c : configs) {
      started = started.compose(v -> Clustering.start(c)).compose(vx -> {
        vertxes.add(vx);
        return Node.start(vx, c);
      }).map(n -> {
        nodes.add(n);
        return null;
      });
    }
    started.compose(v -> {
      ApiClient a = new ApiClient(testVertx, nodes.get(0).httpPort());
      WsClient[] watcher = new WsClient[1];
      String[] driven = new String[1];
      int[] seqAtDeath = new int[1];
      io.vertx.core.Promise<Void> drivenFinished = io.vertx.core.Promise.promise();
      BridgeClient[] browser = new BridgeClient[1];
      return RestGame.open(a)
          .compose(game -> WsClient.connect(testVertx, nodes.get(2).httpPort(), "/ws/" + game.gameId + "?spectate")
              .map(ws -> {
                watcher[0] = ws;
                return game;
              }))
          // a browser on another node than the owner watches over the bridge, and plays the first roll there
          .compose(game -> BridgeClient.connect(testVertx, nodes.get(1).httpPort()).compose(bridge -> {
            browser[0] = bridge;
            bridge.register(Addresses.gameEvents(game.gameId), null);
            return bridge.awaitBody(Addresses.gameEvents(game.gameId), b -> "state".equals(b.getString("type")))
                .compose(state -> bridge.send(Addresses.gameCommands(game.gameId), new JsonObject().put("type", "roll"),
                    game.tokenBySeat.get(0)))
                .map(reply -> {
                  test.verify(() -> assertEquals("ack", reply.getJsonObject("body").getString("type"), reply.encode()));
                  return game;
                });
          }))
          .compose(game -> RestGame.resume(new ApiClient(testVertx, nodes.get(1).httpPort()), game))
          .compose(game -> game.play(30).map(p -> game))
          // a game the server drives (a bot, and a silent player whose timer runs out), owned by the same node
          .compose(game -> a.post("/games", null, new JsonObject().put("player_name", "Cy").put("max_players", 2)
              .put("bots", 1).put("turn_timeout_ms", 1000).put("max_strikes", 1)).map(created -> {
                driven[0] = created.body().getString("game_id");
                return game;
              }))
          .compose(game -> a.view(game.gameId).compose(view -> {
            String owner = view.body().getString("owner_node");
            int dead = Integer.parseInt(owner.substring(1));
            seqAtDeath[0] = view.body().getInteger("seq");
            // only a spectator on a survivor watches the driven game, and sends nothing: a survivor
            // must adopt the game by itself, and the new owner must find the spectator's socket
            return WsClient.connect(testVertx, nodes.get((dead + 1) % 3).httpPort(), "/ws/" + driven[0] + "?spectate")
                .compose(ws -> ws.await(f -> "state".equals(f.getString("type"))).map(state -> ws))
                .map(ws -> {
                  ws.await(f -> f.getValue("event") instanceof JsonObject e && "GAME_FINISHED".equals(e.getString("type")))
                      .onSuccess(f -> drivenFinished.tryComplete());
                  // kill the owner's cluster member: no graceful leave; then its event bus and HTTP go
                  // too (a dead process serves nothing), without waiting for them
                  hazelcastOf(vertxes.get(dead)).getLifecycleService().terminate();
                  vertxes.get(dead).close();
                  return new int[] {dead, (dead + 1) % 3};
                });
          }).compose(deadAndSurvivor -> {
            ApiClient survivor = new ApiClient(testVertx, nodes.get(deadAndSurvivor[1]).httpPort());
            return playThroughOutages(testVertx, survivor, game, 20_000)
                .compose(done -> survivor.view(game.gameId).compose(view -> {
                  // a spectator on a third node keeps its socket and sees the game to its end
                  int lastSeq = view.body().getInteger("seq");
                  return watcher[0].await(f -> f.getInteger("seq", 0) == lastSeq)
                      .compose(last -> browser[0].awaitBody(Addresses.gameEvents(game.gameId),
                          b -> b.getInteger("seq", 0) == lastSeq))
                      .map(last -> done);
                }))
                .compose(done -> drivenFinished.future().map(done))
                // a player reconnects through a survivor and syncs exactly what happened since the death
                .compose(done -> WsClient.connect(testVertx, nodes.get(deadAndSurvivor[1]).httpPort(),
                        "/ws/" + game.gameId + "/" + game.playerBySeat.get(0) + "?token=" + game.tokenBySeat.get(0))
                    .compose(ws -> ws.request(new JsonObject().put("type", "sync").put("since_seq", seqAtDeath[0]))
                        .map(ack -> {
                          test.verify(() -> {
                            List<Integer> replayed = ws.frames("event").stream().map(f -> f.getInteger("seq"))
                                .filter(seq -> seq > seqAtDeath[0]).toList();
                            assertEquals(ack.getInteger("seq") - seqAtDeath[0], replayed.size(), "each missed event once");
                          });
                          return done;
                        })))
                .compose(done -> survivor.view(game.gameId)
                .compose(view -> survivor.get("/games/" + game.gameId + "/events").map(events -> {
                  test.verify(() -> {
                    assertEquals(Phase.FINISHED, done.local.phase());
                    assertNotEquals("n" + deadAndSurvivor[0], view.body().getString("owner_node"));
                    // the new owner re-counted the sockets the survivors kept open (a WebSocket and a bridge spectator)
                    assertEquals(2, view.body().getInteger("spectators"));
                    // the local mirror applied exactly the acknowledged commands: none is missing
                    assertEquals(PositionJson.write(done.local), PositionJson.write(RestGame.positionOf(view.body())));
                    EventLogs.assertGaplessAndFoldsTo(events.body().getJsonArray("events"), view.body());
                  });
                  return null;
                })));
          }));
    }).onComplete(ar -> {
      vertxes.forEach(vx -> vx.close());
      test.<Void>succeedingThenComplete().handle(ar.mapEmpty());
    });
  }

  /** Plays on; a retryable 503 while the cluster notices the death is retried after a pause. */
  static Future<RestGame> playThroughOutages(Vertx vertx, ApiClient api, RestGame game, int budget) {
    assertTrue(budget > 0, "the game ends within the bound");
    if (game.local.phase() == Phase.FINISHED) {
      return Future.succeededFuture(game);
    }
    return game.step().map(v -> game).recover(e -> {
      assertTrue(String.valueOf(e.getMessage()).contains("503"), "only retryable errors during failover: " + e);
      return resumeThroughOutages(vertx, api, game, budget);
    }).compose(next -> playThroughOutages(vertx, api, next, budget - 1));
  }

  /** Re-reads the game after a pause; the view itself may answer 503 until a survivor has taken over. */
  static Future<RestGame> resumeThroughOutages(Vertx vertx, ApiClient api, RestGame game, int budget) {
    assertTrue(budget > 0, "the game comes back within the bound");
    return vertx.timer(250).compose(t -> RestGame.resume(api, game)).recover(e -> {
      assertTrue(String.valueOf(e.getMessage()).contains("503"), "only retryable errors during failover: " + e);
      return resumeThroughOutages(vertx, api, game, budget - 1);
    });
  }

  static com.hazelcast.core.HazelcastInstance hazelcastOf(Vertx vertx) {
    return ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
  }
}
