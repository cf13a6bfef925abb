package io.ludo.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Set;

/**
 * Ordered SQL files, each applied once, in one transaction under an advisory lock so that nodes
 * starting together do not race. Plain files through the reactive client rather than Flyway:
 * no JDBC driver and blocking pool beside the reactive one, and the schema stays plain SQL.
 */
final class Migrations {
  private Migrations() {}

  static Future<Void> apply(Vertx vertx, Pool pool) {
    return pool.withTransaction(conn -> conn.query(Sql.LOCK_MIGRATIONS).execute()
        .compose(v -> conn.query(Sql.CREATE_MIGRATIONS_TABLE).execute())
        .compose(v -> conn.query(Sql.APPLIED_MIGRATIONS).execute())
        .compose(rows -> {
          Set<String> applied = new HashSet<>();
          for (Row r : rows) {
            applied.add(r.getString(0));
          }
          Future<Void> chain = Future.succeededFuture();
          for (String file : Sql.MIGRATIONS) {
            if (!applied.contains(file)) {
              chain = chain.compose(v -> applyOne(vertx, conn, file));
            }
          }
          return chain;
        }));
  }

  private static Future<Void> applyOne(Vertx vertx, SqlConnection conn, String file) {
    return vertx.fileSystem().readFile("db/migration/" + file)
        .compose(sql -> conn.query(sql.toString()).execute())
        .compose(v -> conn.preparedQuery(Sql.RECORD_MIGRATION).execute(Tuple.of(file)))
        .mapEmpty();
  }
}
