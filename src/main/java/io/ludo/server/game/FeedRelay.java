package io.ludo.server.game;

import io.ludo.server.bus.Addresses;
import io.ludo.server.bus.SharedJsonCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * This node's end of the feeds of rooms on other nodes: a frame sent to this node (or to every
 * node) is published here on its game's events address, to the sockets and bridge registrations
 * this node holds for the game; none, and it goes nowhere. A room sends here only while it counts
 * sockets of its game on this node, so a socket's game needs no cluster-wide registration.
 */
final class FeedRelay {
  /**
   * A frame is never touched after it is made (by a room, or decoded once from the wire): every
   * consumer on this node (a hub per event loop, the bridge) reads the same object, where Vert.x's
   * JSON codec would copy it for each of them.
   */
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setCodecName(SharedJsonCodec.NAME).setLocalOnly(true);

  private FeedRelay() {}

  /** Listens on this node's feed address and on every node's; done once both are known to the cluster. */
  static Future<Void> listen(Vertx vertx, String nodeId) {
    var bus = vertx.eventBus();
    return Future.all(
            bus.<JsonObject>consumer(Addresses.nodeFeed(nodeId), m -> relay(vertx, m)).completion(),
            bus.<JsonObject>consumer(Addresses.FEED_ALL, m -> relay(vertx, m)).completion())
        .mapEmpty();
  }

  private static void relay(Vertx vertx, Message<JsonObject> frame) {
    String gameId = frame.headers().get(Addresses.FEED_GAME_HEADER);
    if (gameId != null) {
      toThisNode(vertx, Addresses.gameEvents(gameId), frame.body());
    }
  }

  /** A frame to this node's sockets and bridge registrations of the game whose events address it is. */
  static void toThisNode(Vertx vertx, String eventsAddress, JsonObject frame) {
    vertx.eventBus().publish(eventsAddress, frame, LOCAL);
  }
}
