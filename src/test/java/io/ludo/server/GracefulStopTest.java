package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIGTERM stops a node in order and quickly: readiness false and commands refused first, rooms
 * handed off with their events stored, exit status 0 and nothing thrown on the way.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
class GracefulStopTest {
  private static final int GAMES = 10;
  private final List<NodeProcess> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    processes.forEach(NodeProcess::kill);
  }

  @Test
  void givenAnIdleNodeWhenSigtermThenItExitsZeroWithinFiveSecondsAndLogsNoException(Vertx vertx, VertxTestContext test)
      throws Exception {
    start(vertx, Map.of())
        .compose(node -> node.terminate(vertx))
        .onComplete(test.succeeding(exit -> test.verify(() -> {
          assertCleanWithin(exit, 5_000);
          String output = String.join("\n", exit.output());
          // started as `java -jar` starts: no JVM or Hazelcast warning about module access or Unsafe
          assertTrue(exit.output().stream().noneMatch(line -> line.startsWith("WARNING:")), output);
          // one line per record: no stack trace, no record continued on a line of its own
          assertTrue(exit.output().stream().allMatch(line -> line.isEmpty() || Character.isDigit(line.charAt(0))), output);
          test.completeNow();
        })));
  }

  @Test
  void givenANodeHoldingGamesInPlayWhenSigtermThenItExitsZeroWithinFifteenSecondsAndTheirEventsAreStored(Vertx vertx,
      VertxTestContext test) throws Exception {
    // bots play every seat (the creator's turn times out into "away"), slowly enough to be mid-game at the signal
    start(vertx, Map.of("LUDO_BOT_DELAY_MS", "50")).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort);
      return Future.all(IntStream.range(0, GAMES).mapToObj(i -> api.post("/games", null, new JsonObject()
                  .put("player_name", "Ann").put("max_players", 4).put("bots", 3)
                  .put("turn_timeout_ms", 1000).put("max_strikes", 1))
              .compose(created -> WsClient.connect(vertx, node.httpPort, "/ws/" + created.body().getString("game_id") + "?spectate")
                  .compose(watcher -> watcher.await(f -> f.getInteger("seq", 0) >= 15).map(playing -> watcher))
                  .map(watcher -> new Watched(created.body().getString("game_id"), watcher))))
              .toList())
          .compose(all -> node.terminate(vertx).map(exit -> {
            test.verify(() -> assertCleanWithin(exit, 15_000));
            return all.<Watched>list();
          }));
    }).compose(watched -> TestNodes.start(vertx).compose(reader -> {
      ApiClient api = new ApiClient(vertx, reader.httpPort());
      return Future.all(watched.stream().map(w -> api.get("/games/" + w.gameId() + "/events")
          .compose(log -> api.view(w.gameId()).map(view -> {
            JsonArray events = log.body().getJsonArray("events");
            test.verify(() -> {
              EventLogs.assertGaplessAndFoldsTo(events, view.body());
              assertTrue(events.size() >= w.socket().received.stream().mapToInt(f -> f.getInteger("seq", 0)).max().orElse(0),
                  "every event published before the stop is stored");
            });
            return null;
          }))).toList());
    })).onComplete(test.succeedingThenComplete());
  }

  @Test
  void givenANodeStoppingWhenACommandArrivesThenReadinessIsFalseAndTheCommandIsNotApplied(Vertx vertx, VertxTestContext test) {
    TestNodes.start(vertx).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return RestGame.open(api).compose(game -> api.view(game.gameId).compose(before -> {
        int seqBefore = before.body().getInteger("seq");
        String current = game.tokenBySeat.get(before.body().getJsonObject("turn").getInteger("current"));
        Future<Void> stopped = node.stop();
        // the stop has begun: what the node still answers, it answers as a stopping node
        Future<Integer> ready = statusOf(api.get("/health/ready"));
        Future<Integer> roll = statusOf(api.roll(game.gameId, current));
        return Future.all(stopped, ready, roll).compose(all -> TestNodes.start(vertx)).compose(next ->
            new ApiClient(vertx, next.httpPort()).get("/games/" + game.gameId + "/events").map(log -> {
              test.verify(() -> {
                assertNotEquals(200, ready.result(), "not ready once stopping");
                assertNotEquals(200, roll.result(), "no command accepted once stopping");
                assertEquals(seqBefore, log.body().getJsonArray("events").size(), "nothing was applied");
              });
              return null;
            }));
      }));
    }).onComplete(test.succeedingThenComplete());
  }

  private record Watched(String gameId, WsClient socket) {}

  private Future<NodeProcess> start(Vertx vertx, Map<String, String> env) throws Exception {
    return NodeProcess.start(vertx, env).onSuccess(processes::add);
  }

  /** The status of a reply, or 0 when the node no longer answered at all. */
  private static Future<Integer> statusOf(Future<ApiClient.Reply> reply) {
    return reply.map(ApiClient.Reply::status).otherwise(0);
  }

  private static void assertCleanWithin(NodeProcess.Exit exit, long boundMs) {
    String output = String.join("\n", exit.output());
    assertEquals(0, exit.status(), output);
    assertTrue(exit.millis() <= boundMs, "stopped in " + exit.millis() + " ms, bound " + boundMs + " ms");
    assertTrue(exit.output().stream().noneMatch(line -> line.contains("Exception")), output);
  }
}
