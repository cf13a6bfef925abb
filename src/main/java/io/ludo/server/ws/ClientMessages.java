package io.ludo.server.ws;

import io.ludo.game.Game;
import io.ludo.game.GameState;
import io.ludo.game.Recorded;
import io.ludo.json.GameEventJson;
import io.ludo.json.GameViewJson;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.errors.Problems;
import io.ludo.server.game.GameRouter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client may say on a socket (WebSocket or event-bus bridge), already validated against
 * the {@code ws-message} schema: commands answered by an ack or an error frame, and sync.
 */
public final class ClientMessages {
  private final GameRouter games;
  private final int syncMaxEvents;
  /** Whether a seat may send one more frame now (its rate limit); null: no limit. */
  private final java.util.function.BiFunction<String, String, Future<Boolean>> seatLimit;

  public ClientMessages(GameRouter games, int syncMaxEvents) {
    this(games, syncMaxEvents, null);
  }

  public ClientMessages(GameRouter games, int syncMaxEvents,
      java.util.function.BiFunction<String, String, Future<Boolean>> seatLimit) {
    this.games = games;
    this.syncMaxEvents = syncMaxEvents;
    this.seatLimit = seatLimit;
  }

  /** Whether a seated player's frame is within the seat's rate limit (WebSocket frames, bridge commands). */
  public Future<Boolean> admit(String gameId, String playerId) {
    return seatLimit == null || playerId == null ? Future.succeededFuture(true) : seatLimit.apply(gameId, playerId);
  }

  /** The frames a sync answers with: missed events in order, or one state frame when they are too many. */
  public record Sync(List<JsonObject> frames, int seq) {}

  /** A seated player's command, answered by {@code {"type":"ack",…reply}} or an error frame; never fails. */
  public Future<JsonObject> command(String gameId, String playerId, Object id, JsonObject message) {
    if (playerId == null) {
      return Future.succeededFuture(Problems.wsError(id, ErrorCode.FORBIDDEN, "spectators cannot act"));
    }
    String type = message.getString("type");
    JsonObject command = new JsonObject().put("type", type).put("player_id", playerId);
    if ("move".equals(type)) {
      command.put("token_index", message.getInteger("token_index")).put("dice_value", message.getInteger("dice_value"));
    }
    return games.send(gameId, command).transform(ar -> {
      if (ar.succeeded()) {
        return Future.succeededFuture(new JsonObject().put("type", "ack").put("id", id).mergeIn(ar.result()));
      }
      ApiException api = ApiException.from(ar.cause());
      return Future.succeededFuture(Problems.wsError(id, api.code(), api.getMessage()));
    });
  }

  /** The events after {@code sinceSeq}, each with its turn; the whole state when they are too many. */
  public Future<Sync> sync(String gameId, int sinceSeq) {
    return games.readEvents(gameId, 1, Integer.MAX_VALUE).compose(page -> {
      JsonArray events = page.getJsonArray("events");
      int last = events.size();
      if (last - sinceSeq > syncMaxEvents) {
        return view(gameId).map(state -> new Sync(List.of(state), state.getInteger("seq")));
      }
      List<JsonObject> frames = new ArrayList<>();
      GameState at = null;
      for (int i = 0; i < last; i++) {
        Recorded r = GameEventJson.read(events.getJsonObject(i));
        at = Game.evolve(at, r.event());
        if (r.seq() > sinceSeq) {
          frames.add(new JsonObject().put("type", "event").put("seq", r.seq())
              .put("event", events.getJsonObject(i)).put("turn", GameViewJson.turn(at)));
        }
      }
      return Future.succeededFuture(new Sync(frames, last));
    }).recover(e -> Future.failedFuture(new ApiException(ErrorCode.UNAVAILABLE, "could not read the game's events; retry")));
  }

  /** The {@code state} frame: the game view, as sent first on every socket. */
  public Future<JsonObject> view(String gameId) {
    return games.send(gameId, new JsonObject().put("type", "view"))
        .map(view -> new JsonObject().put("type", "state").mergeIn(view));
  }

  /**
   * Counts a player's (null: a spectator's) open socket (+1) or its close (−1) with the game's
   * owner, under this node's name: the owner forgets them if this node leaves.
   */
  public Future<?> presence(String gameId, String playerId, int delta) {
    return games.send(gameId, new JsonObject().put("type", "presence").put("node", games.nodeId())
        .put("player_id", playerId).put("delta", delta));
  }
}
