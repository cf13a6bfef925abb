package io.ludo.server.room;

import io.ludo.server.errors.ErrorCode;
import io.vertx.core.Future;
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

  private final RoomJournal journal;

  RecentReplies(RoomJournal journal) {
    this.journal = journal;
  }

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

  /**
   * The reply of a command no longer remembered in memory, read from the log: asked only before
   * refusing a command with an id, or when storing it met its id already stored, so that a late
   * resend (a client's keyed one, or an edge's after its owner did not answer) is answered with
   * its first reply instead of a refusal. Null when never applied.
   */
  Future<JsonObject> fromLog(String commandId, String fingerprint) {
    if (commandId == null || contains(commandId)) {
      return Future.succeededFuture(null);
    }
    return journal.command(commandId)
        .map(found -> found == null || found.reply() == null ? null : resent(found.fingerprint(), found.reply(), fingerprint))
        .otherwise(e -> Replies.error(ErrorCode.UNAVAILABLE, "the game's database is unreachable; retry"));
  }

  /** After a takeover or a late commit: the replies of the commands accepted last, from the log. */
  Future<Void> reload() {
    return journal.recentCommands(CAPACITY).map(newestFirst -> {
      // remembered oldest first, so that the oldest are forgotten first
      for (int i = newestFirst.size() - 1; i >= 0; i--) {
        RoomJournal.StoredCommand c = newestFirst.get(i);
        remember(c.commandId(), c.fingerprint(), c.reply().encode());
      }
      return null;
    });
  }
}
