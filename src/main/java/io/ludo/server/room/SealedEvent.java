package io.ludo.server.room;

import io.ludo.game.Recorded;
import io.ludo.json.GameEventJson;
import io.vertx.core.json.JsonObject;

/**
 * An event as recorded: the domain event with its place and time, and its JSON exactly as stored
 * and served, hash chain included (and, for GAME_FINISHED, the revealed server seed), as a tree
 * and as its text: encoded once, the same bytes are stored and spliced into the sockets' frames.
 */
public record SealedEvent(Recorded recorded, JsonObject json, String text) {
  /** An event as the log stored it. */
  public static SealedEvent read(JsonObject stored) {
    return new SealedEvent(GameEventJson.read(stored), stored, stored.encode());
  }

  public int seq() {
    return recorded.seq();
  }
}
