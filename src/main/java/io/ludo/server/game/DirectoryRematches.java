package io.ludo.server.game;

import io.ludo.game.GameState;
import io.ludo.game.Player;
import io.ludo.json.OptionsJson;
import io.ludo.server.bus.Addresses;
import io.ludo.server.room.Room;
import io.ludo.server.room.RoomListing;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A finished room's rematch, made by this node's directory like any new game: the same number of
 * seats, rule options, turn timer, bots and visibility, the caller seated first under the same
 * player id (so that a second call finds that seat again).
 */
final class DirectoryRematches implements Room.Rematches {
  private final Vertx vertx;
  private final String nodeId;

  DirectoryRematches(Vertx vertx, String nodeId) {
    this.vertx = vertx;
    this.nodeId = nodeId;
  }

  @Override
  public Future<String> create(GameState finished, RoomListing listing, Player caller) {
    JsonObject request = new JsonObject().put("op", "create")
        .put("player_name", caller.name())
        .put("player_id", caller.playerId())
        .put("max_players", finished.maxPlayers())
        .put("room_name", finished.roomName())
        .put("options", OptionsJson.write(finished.options()))
        .put("bots", (int) finished.players().stream().filter(Player::bot).count())
        .put("visibility", listing.visibility());
    if (finished.timer().on()) {
      request.put("turn_timeout_ms", finished.timer().timeoutMs()).put("max_strikes", finished.timer().maxStrikes());
    }
    return vertx.eventBus().<JsonObject>request(Addresses.directory(nodeId), request)
        .map(reply -> reply.body().getString("game_id"));
  }
}
