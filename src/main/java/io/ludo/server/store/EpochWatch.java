package io.ludo.server.store;

import io.ludo.server.bus.Addresses;
import io.ludo.server.errors.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who owns a game, as Postgres says: every claim of a game (by any node) is a notification on
 * {@link Sql#EPOCH_CHANNEL}, published on this node as {@link Addresses#EPOCH_MOVED}, so that a
 * room here that lost its game (this node was paused, or cut off) stops answering at once instead
 * of refusing commands from a stale state until it next tries to write. And a room's question
 * "is my epoch still the game's?" after a pause.
 */
final class EpochWatch {
  private static final Logger LOG = LoggerFactory.getLogger(EpochWatch.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
  private final Vertx vertx;
  private final Pool pool;
  private final PgSubscriber subscriber;

  EpochWatch(Vertx vertx, Pool pool, PgConnectOptions connect) {
    this.vertx = vertx;
    this.pool = pool;
    this.subscriber = PgSubscriber.subscriber(vertx, connect)
        // a lost connection is taken again (a restarted Postgres); claims meanwhile are caught by writes
        .reconnectPolicy(attempts -> attempts < 1_000_000 ? 1_000L : -1L);
  }

  List<Future<?>> start() {
    subscriber.channel(Sql.EPOCH_CHANNEL).handler(this::moved);
    Future<Void> listening = subscriber.connect()
        .onFailure(e -> LOG.warn("ownership notifications not received: {}", e.getMessage()))
        // the node starts without them (claims are also caught by the epoch fencing of every write)
        .otherwiseEmpty();
    return List.of(listening,
        vertx.eventBus().<JsonObject>localConsumer(Addresses.PERSIST_EPOCH, this::epoch).completion());
  }

  Future<Void> stop() {
    return subscriber.close();
  }

  private void moved(String payload) {
    String[] parts = payload.split(" ");
    if (parts.length < 3) {
      return;
    }
    try {
      vertx.eventBus().publish(Addresses.EPOCH_MOVED, new JsonObject().put("game_id", parts[0])
          .put("epoch", Long.parseLong(parts[1])).put("node", parts[2]), LOCAL);
    } catch (NumberFormatException e) {
      LOG.debug("not an ownership notification: {}", payload);
    }
  }

  private void epoch(Message<JsonObject> message) {
    pool.preparedQuery(Sql.OWNER_EPOCH).execute(Tuple.of(message.body().getString("game_id")))
        .onSuccess(rows -> message.reply(new JsonObject().put("epoch", rows.size() == 0 ? null : rows.iterator().next().getLong(0))))
        .onFailure(e -> message.fail(ErrorCode.UNAVAILABLE.status(), ErrorCode.UNAVAILABLE.name()));
  }
}
