package io.ludo.server.room;

import io.ludo.game.GameState;
import io.ludo.json.GameViewJson;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;

/** A room's JSON for sockets and REST: its events' frames and its view. */
final class RoomJson {
  private RoomJson() {}

  /** An event's frame for the sockets, with the turn right after it ({@code at}). */
  static JsonObject frame(GameState at, SealedEvent e) {
    return new JsonObject()
        .put("type", "event")
        .put("seq", e.seq())
        .put("event", e.json())
        .put("turn", withDeadline(GameViewJson.turn(at), at, e.recorded().at()));
  }

  /** The view of API.md: the state, who is connected, the owner, and the seed once the game is over. */
  static JsonObject view(GameState state, Presence presence, String ownerNode, long lastEventAt, byte[] revealedSeed) {
    JsonObject view = GameViewJson.write(state, presence.connected()).put("owner_node", ownerNode)
        .put("spectators", presence.spectators())
        .put("turn_deadline", state.timerRuns() ? lastEventAt + state.timer().timeoutMs() : null);
    if (state.timer().on()) {
      view.put("turn_timeout_ms", state.timer().timeoutMs()).put("max_strikes", state.timer().maxStrikes());
    }
    withDeadline(view.getJsonObject("turn"), state, lastEventAt);
    return revealedSeed == null ? view : view.put("server_seed", HexFormat.of().formatHex(revealedSeed));
  }

  /** A frame's text with its event's text spliced in, not encoded again (the same as encoding {@code frame}). */
  static String frameText(JsonObject frame, SealedEvent e) {
    return "{\"type\":\"event\",\"seq\":" + e.seq() + ",\"event\":" + e.text() + ",\"turn\":"
        + frame.getJsonObject("turn").encode() + "}";
  }

  /** When a turn timer runs, the turn says until when (epoch ms). */
  private static JsonObject withDeadline(JsonObject turn, GameState at, long since) {
    return at.timerRuns() ? turn.put("turn_deadline", since + at.timer().timeoutMs()) : turn;
  }
}
