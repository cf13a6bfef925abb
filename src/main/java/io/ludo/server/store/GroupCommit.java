package io.ludo.server.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit across games: while one transaction is in flight, appends queue up, and the next
 * transaction writes all of them. Under load a transaction carries many games' moves; when idle,
 * an append is written at once, without waiting for company. A batch that fails is retried one
 * append at a time, so that one game's conflict never fails another game's moves.
 */
final class GroupCommit {
  /** Told of every committed batch: its appends, their events, and how long the transaction took. */
  interface Listener {
    void committed(int appends, int events, long nanos);
  }

  private final Pool pool;
  private final int batchMax;
  private final int maxInFlight;
  private final Listener listener;
  private final ArrayDeque<Append> pending = new ArrayDeque<>();
  private final List<Promise<Void>> drainWaiters = new ArrayList<>();
  private int writing;

  /**
   * {@code maxInFlight} transactions may be committing at once (each on its own connection), so
   * that the next batch is written while the previous one waits for its WAL flush; Postgres
   * flushes concurrent commits together. Appends of one game never share or overlap
   * transactions: its owner sends the next only after the previous one is answered.
   */
  GroupCommit(Pool pool, int batchMax, int maxInFlight, Listener listener) {
    this.pool = pool;
    this.batchMax = batchMax;
    this.maxInFlight = Math.max(1, maxInFlight);
    this.listener = listener;
  }

  /** Called on the persistence verticle's event loop only. */
  void submit(Append append) {
    pending.add(append);
    if (writing < maxInFlight) {
      writeNext();
    }
  }

  /** Completes once nothing is queued or being written (graceful shutdown). */
  Future<Void> drained() {
    if (writing == 0 && pending.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    drainWaiters.add(p);
    return p.future();
  }

  private void writeNext() {
    List<Append> batch = new ArrayList<>();
    while (!pending.isEmpty() && batch.size() < batchMax) {
      Append next = pending.poll();
      if (next.expired()) {
        notSent(next);
      } else {
        batch.add(next);
      }
    }
    if (batch.isEmpty()) {
      if (writing == 0) {
        drainWaiters.forEach(Promise::complete);
        drainWaiters.clear();
      }
      return;
    }
    writing++;
    long started = System.nanoTime();
    pool.withTransaction(conn -> write(conn, stillAwaited(batch)))
        .transform(ar -> {
          if (ar.succeeded()) {
            listener.committed(batch.size(), events(batch), System.nanoTime() - started);
            batch.forEach(a -> a.done().tryComplete());
            return Future.<Void>succeededFuture();
          }
          return batch.size() == 1 ? fail(batch.get(0), ar.cause()) : oneByOne(batch);
        })
        .onComplete(ignored -> {
          writing--;
          writeNext();
        });
  }

  private Future<Void> oneByOne(List<Append> batch) {
    Future<Void> chain = Future.succeededFuture();
    for (Append a : batch) {
      chain = chain.transform(ignored -> a.expired() ? notSent(a)
          : pool.withTransaction(conn -> write(conn, stillAwaited(List.of(a))))
              .transform(ar -> ar.succeeded() ? complete(a) : fail(a, ar.cause())));
    }
    return chain;
  }

  private static int events(List<Append> batch) {
    int n = 0;
    for (Append a : batch) {
      n += a.events().size();
    }
    return n;
  }

  private Future<Void> complete(Append a) {
    listener.committed(1, a.events().size(), 0);
    a.done().tryComplete();
    return Future.succeededFuture();
  }

  private static Future<Void> fail(Append a, Throwable cause) {
    a.done().tryFail(cause);
    return Future.succeededFuture();
  }

  /** Definitely not written: its owner has given up on it, so it must never commit later. */
  private static Future<Void> notSent(Append a) {
    a.done().tryFail(new NotSentException());
    return Future.succeededFuture();
  }

  /**
   * The appends of {@code batch} still awaited once a connection is had (the wait for one can
   * outlast an owner's patience): the others are answered {@link NotSentException} and left out.
   */
  private static List<Append> stillAwaited(List<Append> batch) {
    List<Append> live = new ArrayList<>(batch.size());
    for (Append a : batch) {
      if (a.expired()) {
        notSent(a);
      } else {
        live.add(a);
      }
    }
    return live;
  }

  /**
   * One transaction: new game rows and their secrets, every event row, each command's reply (and
   * the game's older replies beyond {@link PersistenceVerticle#KEPT_COMMANDS} forgotten), then each game's head, fenced by its seq and its owner's epoch. The statements are pipelined (sent
   * without waiting for each other's answers, executed in order): when one fails, those after it
   * fail too, and the transaction rolls back whole.
   */
  private static Future<Void> write(SqlConnection conn, List<Append> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> newGames = new ArrayList<>();
    List<Tuple> events = new ArrayList<>();
    List<Tuple> heads = new ArrayList<>();
    List<Tuple> commands = new ArrayList<>();
    List<Tuple> secrets = new ArrayList<>();
    java.util.Set<String> commandGames = new java.util.LinkedHashSet<>();
    for (Append a : batch) {
      if (a.createsGame()) {
        newGames.add(Tuple.of(a.gameId(), a.roomName(), a.status(), a.node()));
        if (a.serverSeed() != null) {
          secrets.add(Tuple.of(a.gameId(), Buffer.buffer(a.serverSeed())));
        }
      }
      for (int i = 0; i < a.events().size(); i++) {
        JsonObject e = a.events().getJsonObject(i);
        events.add(Tuple.of(a.gameId(), e.getInteger("seq"), e.getString("type"), e));
      }
      heads.add(Tuple.of(a.gameId(), a.lastSeq(), a.status(), a.expectedSeq(), a.epoch()));
      if (a.commandId() != null) {
        commands.add(Tuple.of(a.gameId(), a.commandId(), a.lastSeq(), a.reply(), a.fingerprint()));
        commandGames.add(a.gameId());
      }
    }
    Future<?> games = newGames.isEmpty()
        ? Future.succeededFuture()
        : conn.preparedQuery(Sql.INSERT_GAME).executeBatch(newGames);
    Future<?> secretRows = secrets.isEmpty()
        ? Future.succeededFuture()
        : conn.preparedQuery(Sql.INSERT_SECRET).executeBatch(secrets);
    Future<?> eventRows = conn.preparedQuery(Sql.INSERT_EVENT).executeBatch(events);
    Future<?> commandRows = commands.isEmpty()
        ? Future.succeededFuture()
        : conn.preparedQuery(Sql.INSERT_COMMAND).executeBatch(commands);
    Future<?> pruned = commandGames.isEmpty()
        ? Future.succeededFuture()
        : conn.preparedQuery(Sql.PRUNE_COMMANDS)
            .executeBatch(commandGames.stream().map(g -> Tuple.of(g, PersistenceVerticle.KEPT_COMMANDS)).toList());
    Future<RowSet<Row>> moved = conn.preparedQuery(Sql.ADVANCE_GAME).executeBatch(heads);
    return Future.all(List.of(games, secretRows, eventRows, commandRows, pruned, moved))
        .compose(v -> everyHeadMoved(moved.result()));
  }

  private static Future<Void> everyHeadMoved(RowSet<Row> rows) {
    for (RowSet<Row> r = rows; r != null; r = r.next()) {
      if (r.rowCount() != 1) {
        return Future.failedFuture(new StaleAppendException());
      }
    }
    return Future.succeededFuture();
  }

}
