package io.ludo.server.room;

import io.ludo.server.errors.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The replies of a room's latest accepted commands: a resent command is answered, not applied
 * again. Kept encoded, one string each: as trees of maps they were most of a node's live heap
 * under load. Bounded to the few a resend is likely to name (a resend comes within its edge's
 * command timeout); an older one is read from the log, where every reply is kept.
 */
final class RecentReplies {
  /** How many accepted commands' replies are kept in memory to answer resends (the log keeps them all). */
  static final int CAPACITY = 8;

  /** An accepted command's reply, encoded, and what the command asked for (null: recorded before fingerprints). */
  private record Remembered(String fingerprint, String reply) {}

  private final Map<String, Remembered> byId = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
      return size() > CAPACITY;
    }
  };

  boolean contains(String commandId) {
    return byId.containsKey(commandId);
  }

  /** The answer to a resend of {@code commandId} asking for {@code fingerprint}, when it is remembered. */
  Optional<JsonObject> answer(String commandId, String fingerprint) {
    Remembered r = byId.get(commandId);
    return r == null ? Optional.empty() : Optional.of(resent(r.fingerprint(), new JsonObject(r.reply()), fingerprint));
  }

  void remember(String commandId, String fingerprint, String replyText) {
    byId.put(commandId, new Remembered(fingerprint, replyText));
  }

  /**
   * The answer to a command whose id was applied already: its first reply when it asks for what
   * the first asked for ({@code stored}; null for a command recorded before fingerprints), else
   * IDEMPOTENCY_KEY_REUSED.
   */
  static JsonObject resent(String stored, JsonObject firstReply, String fingerprint) {
    return stored == null || stored.equals(fingerprint) ? firstReply
        : Replies.error(ErrorCode.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used for another request");
  }
}
