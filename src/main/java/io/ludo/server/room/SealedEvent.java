package io.ludo.server.room;

import io.ludo.game.Recorded;
import io.ludo.json.GameEventJson;
import io.vertx.core.json.JsonObject;

/**
 * An event as recorded: the domain event with its place and time, and its JSON exactly as stored
 * and served, hash chain included (and, for GAME_FINISHED, the revealed server seed).
 */
public record SealedEvent(Recorded recorded, JsonObject json) {
  /** An event as the log stored it. */
  public static SealedEvent read(JsonObject stored) {
    return new SealedEvent(GameEventJson.read(stored), stored);
  }

  public int seq() {
    return recorded.seq();
  }
}
