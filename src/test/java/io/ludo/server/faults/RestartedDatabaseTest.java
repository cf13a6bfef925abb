package io.ludo.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.ApiClient;
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
 * Postgres restarted under play (stopped, down for 3 s, started again on the same data and port):
 * clear 503s while it is away, then every roll and move applied exactly once, every resend of an
 * applied command answered with its first reply, nothing applied that was answered 4xx.
 */
@ExtendWith(VertxExtension.class)
class RestartedDatabaseTest {
  private static final int GAMES = 6;
  private static final long DOWN_MS = 3_000;
  private static final long PLAY_MS = 14_000;
  private static Path dataDir;
  private static int port;
  private static String dbUrl;
  private static EmbeddedServices services;

  @BeforeAll
  static void ownDatabase() throws Exception {
    dataDir = Files.createTempDirectory("ludo-restart-");
    port = EmbeddedServices.freePort();
    services = new EmbeddedServices();
    dbUrl = services.startPostgres(dataDir, port, true);
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    services.close();
  }

  @Test
  @Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
  void everyCommandIsAppliedOnceAcrossARestartOfTheDatabase(Vertx vertx, VertxTestContext test) {
    KeyedHistory history = new KeyedHistory();
    TestNodes.start(vertx, Map.of(ConfigKey.DB_URL, dbUrl)).compose(node -> {
      ApiClient api = new ApiClient(vertx, node.httpPort());
      return KeyedPlayers.playThrough(vertx, api, GAMES, PLAY_MS, history, () -> restartAt(vertx, 3_000))
            .compose(games -> KeyedPlayers.verdict(vertx, games, history, dbUrl))
            .map(verdict -> {
              System.out.printf("restarted database: %s; %d answered 503, %d unanswered%n", verdict.summary(),
                  history.attemptsWith(503), history.attemptsWith(0));
              test.verify(() -> {
                assertTrue(history.attemptsWith(503) + history.attemptsWith(0) > 0, "the restart was felt by the clients");
                assertTrue(history.attemptsWith(503) > 0, "clear 503s while the database was away");
                assertEquals(0, verdict.lost());
                assertEquals(0, verdict.doubled());
                assertEquals(List.of(), verdict.discrepancies());
                assertTrue(verdict.acknowledged() > 2L * GAMES, "play went on after the restart: " + verdict.summary());
              });
              return null;
            });
    }).onComplete(test.succeedingThenComplete());
  }

  /** After {@code delayMs}: Postgres stops (a clean shutdown: its connections drop), and starts again {@link #DOWN_MS} later. */
  private static Future<Void> restartAt(Vertx vertx, long delayMs) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(delayMs, a -> vertx.<Void>executeBlocking(() -> {
      services.close();
      return null;
    }).onComplete(stopped -> vertx.setTimer(DOWN_MS, b -> vertx.<Void>executeBlocking(() -> {
      services = new EmbeddedServices();
      services.startPostgres(dataDir, port, true);
      return null;
    }).onComplete(done))));
    return done.future();
  }
}
