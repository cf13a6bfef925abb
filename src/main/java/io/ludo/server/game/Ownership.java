package io.ludo.server.game;

import io.ludo.server.store.PersistenceVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.shareddata.AsyncMap;

/** Names and signs of game ownership across the cluster. Postgres epochs are the authority. */
final class Ownership {
  private Ownership() {}

  /** The cluster-wide lock held while a room is loaded onto a node or handed off by one. */
  static String lockName(String gameId) {
    return "ludo.owner." + gameId;
  }

  /**
   * Which node holds which game, cluster-wide, for operators and routing hints. It can be stale
   * (a dead node's entries stay until its games are taken over); the Postgres epoch decides.
   */
  static Future<AsyncMap<String, String>> owners(Vertx vertx) {
    return vertx.sharedData().getAsyncMap("ludo.owners");
  }

  static boolean isFenced(Throwable failure) {
    return failure instanceof ReplyException r && PersistenceVerticle.STALE_APPEND.equals(r.getMessage());
  }
}
