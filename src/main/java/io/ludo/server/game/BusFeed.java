package io.ludo.server.game;

import io.ludo.server.bus.Addresses;
import io.ludo.server.bus.SharedJsonCodec;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.room.RoomFeed;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/** A room's feed: its game's events address (every node's sockets of the game) and this node's play services. */
final class BusFeed implements RoomFeed {
  private final Vertx vertx;
  private final String gameId;
  private final String address;

  BusFeed(Vertx vertx, String gameId) {
    this.vertx = vertx;
    this.gameId = gameId;
    this.address = Addresses.gameEvents(gameId);
  }

  /**
   * A frame is made for this publication and never touched after: every consumer on this node
   * (a hub per event loop, the bridge) reads the same object, where Vert.x's JSON codec would copy
   * it for each of them; other nodes get it serialized once each.
   */
  private static final DeliveryOptions SHARED = new DeliveryOptions().setCodecName(SharedJsonCodec.NAME);

  @Override
  public void event(JsonObject frame) {
    vertx.eventBus().publish(address, frame, SHARED);
  }

  @Override
  public void reconnect() {
    vertx.eventBus().publish(address, new JsonObject().put("type", "reconnect").put("code", ErrorCode.UNAVAILABLE.name())
        .put("message", "the game moved to another node; reconnect and sync"));
  }

  @Override
  public void presenceRequest() {
    vertx.eventBus().publish(address, new JsonObject().put("type", GameVerticle.PRESENCE_REQUEST));
  }

  @Override
  public void finished(JsonObject view, long finishedAt) {
    vertx.eventBus().send(Addresses.GAMES_FINISHED,
        new JsonObject().put("game_id", gameId).put("view", view).put("finished_at", finishedAt),
        new DeliveryOptions().setLocalOnly(true));
  }
}
