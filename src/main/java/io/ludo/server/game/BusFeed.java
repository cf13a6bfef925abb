package io.ludo.server.game;

import io.ludo.server.bus.Addresses;
import io.ludo.server.bus.SharedJsonCodec;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.room.RoomFeed;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A room's feed: its frames to the sockets of its game on this node (published on the game's
 * events address within the node) and on each other node where the room counts sockets (sent to
 * that node's feed relay, which publishes them there), and this node's play services.
 *
 * <p>Just after a takeover the new room counts no sockets yet: it asks every node to count them
 * again, and until {@link #RECOUNT_MS} later its frames go to every node.
 */
final class BusFeed implements RoomFeed {
  /** How long after asking every node to count its sockets again the room's frames still go to every node. */
  static final long RECOUNT_MS = 3_000;

  private final Vertx vertx;
  private final String gameId;
  private final String nodeId;
  private final String address;
  /** Until when every node gets the frames (ms, the node's clock); 0 once the recount is past. */
  private long everyNodeUntil;
  /** Made when a frame first leaves the node: most rooms' sockets are all on their owner's node. */
  private DeliveryOptions toOtherNodes;

  BusFeed(Vertx vertx, String gameId, String nodeId) {
    this.vertx = vertx;
    this.gameId = gameId;
    this.nodeId = nodeId;
    this.address = Addresses.gameEvents(gameId);
  }

  @Override
  public void event(JsonObject frame, Set<String> listeners) {
    if (everyNodeUntil != 0 && System.currentTimeMillis() < everyNodeUntil) {
      toEveryNode(frame);
      return;
    }
    everyNodeUntil = 0;
    FeedRelay.toThisNode(vertx, address, frame);
    for (String node : listeners) {
      if (!node.equals(nodeId)) {
        vertx.eventBus().send(Addresses.nodeFeed(node), frame, toOtherNodes());
      }
    }
  }

  @Override
  public void reconnect() {
    // this room's sockets may be counted by nobody: a room is fenced out just after its takeover too
    toEveryNode(new JsonObject().put("type", "reconnect").put("code", ErrorCode.UNAVAILABLE.name())
        .put("message", "the game moved to another node; reconnect and sync"));
  }

  @Override
  public void presenceRequest() {
    everyNodeUntil = System.currentTimeMillis() + RECOUNT_MS;
    toEveryNode(new JsonObject().put("type", PRESENCE_REQUEST));
  }

  @Override
  public void presenceRequest(String node) {
    vertx.eventBus().send(Addresses.nodeFeed(node), new JsonObject().put("type", PRESENCE_REQUEST), toOtherNodes());
  }

  /** Published to every node's relay, this one's included, which publishes it to the game's sockets there. */
  private void toEveryNode(JsonObject frame) {
    vertx.eventBus().publish(Addresses.FEED_ALL, frame, toOtherNodes());
  }

  private DeliveryOptions toOtherNodes() {
    if (toOtherNodes == null) {
      toOtherNodes = new DeliveryOptions().setCodecName(SharedJsonCodec.NAME).addHeader(Addresses.FEED_GAME_HEADER, gameId);
    }
    return toOtherNodes;
  }

  @Override
  public void finished(JsonObject view, long finishedAt) {
    vertx.eventBus().send(Addresses.GAMES_FINISHED,
        new JsonObject().put("game_id", gameId).put("view", view).put("finished_at", finishedAt),
        new DeliveryOptions().setLocalOnly(true));
  }
}
