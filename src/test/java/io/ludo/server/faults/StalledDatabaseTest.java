package io.ludo.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
import io.ludo.server.RestGame;
import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that stalls (SIGSTOP of every Postgres process, longer than the command timeout,
 * twice) while games are played by clients that resend each command with its Idempotency-Key
 * after a 503 or no answer: every roll and move is applied exactly once, every resend of an
 * applied command gets its first reply, and nothing that was applied is answered 4xx.
 */
@ExtendWith(VertxExtension.class)
class StalledDatabaseTest {
  private static final int GAMES = 6;
  private static final long STALL_MS = 5_000;
  /** Both stalls and a little after: 2 s of play, 5 s stalled, 2 s, 5 s stalled, then until the end. */
  private static final long PLAY_MS = 17_000;
  private static EmbeddedServices services;
  private static Path dataDir;
  private static String dbUrl;

  @BeforeAll
  static void ownDatabase() throws Exception {
    services = new EmbeddedServices();
    dataDir = Files.createTempDirectory("ludo-stall-");
    dbUrl = services.startPostgres(dataDir, 0, false);
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    new PostgresStall(dataDir).resume();
    services.close();
  }

  @Test
  @Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
  void everyCommandIsAppliedOnceAndEveryResendAnsweredWithItsFirstReply(Vertx vertx, VertxTestContext test) {
    KeyedHistory history = new KeyedHistory();
    PostgresStall stall = new PostgresStall(dataDir);
    TestNodes.start(vertx, Map.of(ConfigKey.DB_URL, dbUrl)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      // two stalls, each longer than the 3 s command timeout, while every game is played
      return KeyedPlayers.playThrough(vertx, api, GAMES, PLAY_MS, history,
              () -> stallAt(vertx, stall, 2_000).compose(v -> stallAt(vertx, stall, 2_000)))
          .compose(games -> verify(vertx, api, games, history, test));
    }).onComplete(test.succeedingThenComplete());
  }

  /** After {@code delayMs}, stops Postgres for {@link #STALL_MS}, then lets it go on. */
  private static Future<Void> stallAt(Vertx vertx, PostgresStall stall, long delayMs) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(delayMs, a -> vertx.<Void>executeBlocking(() -> {
      stall.stop();
      return null;
    }).onComplete(stopped -> vertx.setTimer(STALL_MS, b -> vertx.<Void>executeBlocking(() -> {
      stall.resume();
      return null;
    }).onComplete(done))));
    return done.future();
  }

  private static Future<Void> verify(Vertx vertx, ApiClient api, List<RestGame> games, KeyedHistory history,
      VertxTestContext test) {
    return KeyedPlayers.verdict(vertx, games, history, dbUrl).map(verdict -> {
      System.out.printf("stalled database: %s; %d answered 503, %d unanswered%n", verdict.summary(),
          history.attemptsWith(503), history.attemptsWith(0));
      test.verify(() -> {
        assertTrue(history.attemptsWith(503) + history.attemptsWith(0) > 0, "the stalls were felt by the clients");
        assertEquals(0, verdict.lost());
        assertEquals(0, verdict.doubled());
        assertEquals(List.of(), verdict.discrepancies());
      });
      return null;
    });
  }
}
