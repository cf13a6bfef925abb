package io.ludo.it;

import static io.ludo.it.LocalCluster.port;
import static io.ludo.it.LocalCluster.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.EventLogs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Node processes started by scripts/local-cluster.sh: kill -9 of a game's owner mid-game, and a
 * rolling restart of every node during many games. Run with {@code mvn -B -Pcluster-it verify};
 * {@code -Dfailover.trials=20} for the figures of docs/RELIABILITY.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
  private static final int NODES = 3;
  private static final Path RESULTS = Path.of("target/cluster-it");

  @BeforeAll
  static void startCluster() throws Exception {
    script("stop");
    script("start", String.valueOf(NODES));
    Files.createDirectories(RESULTS);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    script("stop");
  }

  @Test
  @Order(1)
  void killingAGamesOwnerMidGameLosesNoAcknowledgedMove() throws Exception {
    int trials = Integer.getInteger("failover.trials", 3);
    ClusterGame.FAILURES.clear();
    List<Long> recoveryMs = new ArrayList<>();
    for (int trial = 0; trial < trials; trial++) {
      ClusterGame game = ClusterGame.open(port(1), port(2));
      for (int i = 0; i < 12 && !game.over(); i++) {
        game.step(() -> port(3), new ArrayList<>());
      }
      String owner = BlockingApi.get(port(3), "/games/" + game.gameId).body().getString("owner_node");
      int dead = Integer.parseInt(owner.substring("node-".length()));
      int survivor = dead % NODES + 1;
      long killedAt = System.nanoTime();
      script("kill-node", String.valueOf(dead));
      // the next accepted move measures the takeover; failures before it are retryable 503s
      while (!game.step(() -> port(survivor), new ArrayList<>())) {
        assertTrue(System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(60), "no takeover within 60 s");
      }
      recoveryMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
      while (!game.over()) {
        game.step(() -> port(survivor), new ArrayList<>());
      }
      assertLogFoldsToView(game, port(survivor));
      script("start-node", String.valueOf(dead));
    }
    Collections.sort(recoveryMs);
    JsonObject report = new JsonObject().put("trials", trials).put("recovery_ms", new JsonArray(recoveryMs))
        .put("median_ms", recoveryMs.get(recoveryMs.size() / 2)).put("max_ms", recoveryMs.get(recoveryMs.size() - 1));
    Files.writeString(RESULTS.resolve("failover.json"), report.encodePrettily());
    System.out.println("failover: " + report.encode());
  }

  @Test
  @Order(2)
  void aRollingRestartOfEveryNodeDuringManyGamesFailsNoCommand() throws Exception {
    int games = Integer.getInteger("rolling.games", 100);
    // players think between commands (real players take seconds; 100 ms is already brisk)
    int thinkMs = Integer.getInteger("rolling.think.ms", 100);
    ClusterGame.FAILURES.clear();
    AtomicBoolean restarting = new AtomicBoolean(true);
    List<ClusterGame> all = new CopyOnWriteArrayList<>();
    List<Integer> refused = new CopyOnWriteArrayList<>();
    ExecutorService players = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < games; i++) {
      ClusterGame game = ClusterGame.open(port(1 + i % NODES), port(1 + (i + 1) % NODES));
      all.add(game);
      running.add(players.submit(() -> {
        // keep playing (new games after finished ones) while the nodes restart
        ClusterGame g = game;
        while (restarting.get()) {
          if (g.over()) {
            g = ClusterGame.open(LocalClusterIT::anyPort, LocalClusterIT::anyPort);
            all.add(g);
          }
          g.step(LocalClusterIT::anyPort, refused);
          Thread.sleep(thinkMs);
        }
        return null;
      }));
    }
    long started = System.nanoTime();
    for (int node = 1; node <= NODES; node++) {
      script("stop-node", String.valueOf(node));
      script("start-node", String.valueOf(node));
    }
    restarting.set(false);
    for (Future<?> f : running) {
      f.get(2, TimeUnit.MINUTES);
    }
    players.shutdown();
    int acknowledged = all.stream().mapToInt(g -> g.acknowledged).sum();
    int failed = all.stream().mapToInt(g -> g.failed).sum();
    int retries = all.stream().mapToInt(g -> g.retries).sum();
    JsonObject report = new JsonObject().put("games", all.size()).put("acknowledged", acknowledged)
        .put("failed", failed).put("resends", retries).put("refused_connections", refused.size())
        .put("failures", new JsonArray(ClusterGame.FAILURES.stream().distinct().limit(20).toList()))
        .put("seconds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    Files.writeString(RESULTS.resolve("rolling-restart.json"), report.encodePrettily());
    System.out.println("rolling restart: " + report.encode());
    assertTrue(acknowledged > games, "the games were played during the restart");
    assertEquals(0, failed, "commands failed during the rolling restart: " + report.encode());
  }

  private static void assertLogFoldsToView(ClusterGame game, int port) throws Exception {
    JsonObject view = BlockingApi.get(port, "/games/" + game.gameId).body();
    JsonArray log = BlockingApi.get(port, "/games/" + game.gameId + "/events").body().getJsonArray("events");
    EventLogs.assertGaplessAndFoldsTo(log, view);
  }


  private static int anyPort() {
    return port(1 + ThreadLocalRandom.current().nextInt(NODES));
  }

}
