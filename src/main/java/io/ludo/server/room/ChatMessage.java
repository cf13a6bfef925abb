package io.ludo.server.room;

import io.vertx.core.json.JsonObject;

/** One quick-chat line of a seated player: not a game event (no seq, outside the hash chain). */
public record ChatMessage(int seat, String playerName, String text, long at) {
  /** {@code {"type":"chat","seat","player_name","text","at"}}, as sockets receive it. */
  public JsonObject frame() {
    return new JsonObject().put("type", "chat").put("seat", seat).put("player_name", playerName).put("text", text)
        .put("at", at);
  }
}
