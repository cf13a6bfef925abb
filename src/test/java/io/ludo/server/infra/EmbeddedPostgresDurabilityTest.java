package io.ludo.server.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded Postgres a node starts without LUDO_DB_URL keeps a command's 200 true: a commit
 * returns only once its WAL is on disk, as with a Postgres server's defaults.
 */
@ExtendWith(VertxExtension.class)
class EmbeddedPostgresDurabilityTest {
  private final EmbeddedServices services = new EmbeddedServices();

  @AfterEach
  void stop() throws Exception {
    services.close();
  }

  @Test
  void aNodesEmbeddedPostgresFlushesEveryCommitToDisk(Vertx vertx, VertxTestContext test) throws Exception {
    Path dir = Files.createTempDirectory("ludo-embedded-durable-");
    String url = services.startPostgres(dir, 0);

    settings(vertx, url).onComplete(test.succeeding(settings -> test.verify(() -> {
      assertEquals("on", settings.get("fsync"), "fsync");
      assertEquals("on", settings.get("synchronous_commit"), "synchronous_commit");
      assertEquals("on", settings.get("full_page_writes"), "full_page_writes");
      test.completeNow();
    })));
  }

  private static io.vertx.core.Future<Map<String, String>> settings(Vertx vertx, String url) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url)).using(vertx).build();
    return pool.query("SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")
        .execute()
        .map(rows -> {
          Map<String, String> settings = new HashMap<>();
          for (Row row : rows) {
            settings.put(row.getString("name"), row.getString("setting"));
          }
          return settings;
        })
        .eventually(pool::close);
  }
}
