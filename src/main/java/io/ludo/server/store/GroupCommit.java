package io.ludo.server.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Group commit across games: while one statement is in flight, appends queue up, and the next
 * statement writes all of them. Under load a statement carries many games' moves; when idle,
 * an append is written at once, without waiting for company. A batch that fails is retried one
 * append at a time, so that one game's conflict never fails another game's moves.
 */
final class GroupCommit {
  /** Told of every committed batch: its appends stored, their events, and how long the statement took. */
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
   * {@code maxInFlight} statements may be committing at once (each on its own connection), so
   * that the next batch is written while the previous one waits for its WAL flush; Postgres
   * flushes concurrent commits together. Appends of one game never share or overlap
   * statements: its owner sends the next only after the previous one is answered.
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
    pool.withConnection(conn -> write(conn, stillAwaited(batch)))
        .transform(ar -> {
          if (ar.succeeded()) {
            settle(batch, ar.result(), System.nanoTime() - started);
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
          : pool.withConnection(conn -> write(conn, stillAwaited(List.of(a))))
              .transform(ar -> {
                if (ar.failed()) {
                  return fail(a, ar.cause());
                }
                settle(List.of(a), ar.result(), 0);
                return Future.succeededFuture();
              }));
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

  /**
   * Each append of a committed statement is stored if its game was written; otherwise its writer
   * was stale or fenced out (its game's head had moved on, or another node took the game over),
   * and it alone is refused. Appends answered already (not sent) stay as they were. Only the
   * stored ones are reported to the listener.
   */
  private void settle(List<Append> batch, Set<String> written, long nanos) {
    List<Append> stored = new ArrayList<>(batch.size());
    for (Append a : batch) {
      if (a.done().future().isComplete()) {
        continue;
      }
      if (written.contains(a.gameId())) {
        a.done().complete();
        stored.add(a);
      } else {
        a.done().fail(new StaleAppendException());
      }
    }
    if (!stored.isEmpty()) {
      listener.committed(stored.size(), events(stored), nanos);
    }
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
   * The whole batch in one statement ({@link Sql#APPEND_BATCH}), atomic on its own: the appends'
   * heads and every event row, each command's id, fingerprint and reply on its last event.
   * Answers the ids of the games written.
   */
  private static Future<Set<String>> write(SqlConnection conn, List<Append> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    int n = batch.size();
    String[] ids = new String[n];
    String[] rooms = new String[n];
    String[] statuses = new String[n];
    Integer[] expected = new Integer[n];
    Integer[] last = new Integer[n];
    Long[] epochs = new Long[n];
    String[] nodes = new String[n];
    Buffer[] seeds = new Buffer[n];
    String[] invites = new String[n];
    String[] visibilities = new String[n];
    int events = events(batch);
    String[] eventGames = new String[events];
    Integer[] seqs = new Integer[events];
    String[] types = new String[events];
    String[] payloads = new String[events];
    String[] commandIds = new String[events];
    String[] fingerprints = new String[events];
    String[] replies = new String[events];
    int e = 0;
    for (int i = 0; i < n; i++) {
      Append a = batch.get(i);
      ids[i] = a.gameId();
      rooms[i] = a.roomName();
      statuses[i] = a.status();
      expected[i] = a.expectedSeq();
      last[i] = a.lastSeq();
      epochs[i] = a.epoch();
      nodes[i] = a.node();
      seeds[i] = a.createsGame() && a.serverSeed() != null ? Buffer.buffer(a.serverSeed()) : null;
      invites[i] = a.inviteCode();
      visibilities[i] = a.visibility();
      for (int k = 0; k < a.events().size(); k++, e++) {
        EventRow event = a.events().get(k);
        eventGames[e] = a.gameId();
        seqs[e] = event.seq();
        types[e] = event.type();
        payloads[e] = event.payload();
        if (k == a.events().size() - 1 && a.commandId() != null) {
          commandIds[e] = a.commandId();
          fingerprints[e] = a.fingerprint();
          replies[e] = a.reply();
        }
      }
    }
    return conn.preparedQuery(Sql.APPEND_BATCH)
        .execute(Tuple.from(new Object[] {ids, rooms, statuses, expected, last, epochs, nodes, seeds,
            eventGames, seqs, types, payloads, commandIds, fingerprints, replies, invites, visibilities}))
        .map(rows -> {
          Set<String> written = new HashSet<>();
          for (Row r : rows) {
            written.add(r.getString(0));
          }
          return written;
        });
  }


}
