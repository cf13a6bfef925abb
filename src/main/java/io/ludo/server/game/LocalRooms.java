package io.ludo.server.game;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * The games whose room runs on this node (this Vert.x instance), for the edges: a command for one
 * of them is delivered to it without asking the cluster who listens, and never to a registration
 * left behind by a dead or frozen owner elsewhere while the cluster has not noticed yet.
 */
final class LocalRooms {
  private static final String MAP = "ludo.local-rooms";

  private LocalRooms() {}

  static LocalMap<String, Boolean> of(Vertx vertx) {
    return vertx.sharedData().getLocalMap(MAP);
  }
}
