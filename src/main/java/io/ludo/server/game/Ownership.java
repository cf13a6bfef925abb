package io.ludo.server.game;

import io.ludo.server.store.PersistenceVerticle;

/** Names and signs of game ownership across the cluster. Postgres epochs are the authority. */
final class Ownership {
  private Ownership() {}

  /**
   * The cluster-wide lock held while a room is loaded onto a node or handed off by one. Vert.x's
   * Hazelcast manager takes it as a key lock of its one lock map (no distributed object per game),
   * and every taker releases it in {@code eventually}, so nothing of it stays once the room left.
   */
  static String lockName(String gameId) {
    return "ludo.owner." + gameId;
  }

  static boolean isFenced(Throwable failure) {
    return PersistenceVerticle.failedWith(failure, PersistenceVerticle.STALE_APPEND);
  }
}
