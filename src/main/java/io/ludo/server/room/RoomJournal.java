package io.ludo.server.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A room's log: the only I/O a room does. Futures are Vert.x's as plain values: a room needs no
 * Vert.x instance, and a test's journal completes them itself.
 */
public interface RoomJournal {
  /**
   * The room taken over: the epoch that fences older owners out, the dice seed (null before fair
   * dice), how friends find it, and the game its players went on to (null: none yet).
   */
  record Claim(long epoch, byte[] serverSeed, RoomListing listing, String rematchGameId) {}

  /** A keyed command as the log recorded it, with what it asked for (null: before fingerprints) and its reply. */
  record StoredCommand(String commandId, String fingerprint, JsonObject reply) {}

  /**
   * Events to make durable together, after event {@code expectedSeq} (0 for a new game), under
   * {@code epoch}; {@code commandId}, {@code fingerprint} and {@code reply} (its text) record the command
   * that caused them (all null for none); {@code newGameSeed} and {@code listing} are a new
   * game's secret seed and listing (null otherwise);
   * {@code deadlineNanos} (System.nanoTime) is when the command's edge gives up.
   */
  record Append(long epoch, int expectedSeq, String roomName, String status, List<SealedEvent> events,
      String commandId, String fingerprint, String reply, byte[] newGameSeed, RoomListing listing, long deadlineNanos) {}

  /** Takes the stored game over; fails with GAME_NOT_FOUND when there is none. */
  Future<Claim> claim();

  /** The stored events from {@code fromSeq} on, oldest first. */
  Future<List<SealedEvent>> events(int fromSeq);

  /** The latest keyed commands, newest first. */
  Future<List<StoredCommand>> recentCommands(int limit);

  /** A keyed command as stored, or null when it never was. */
  Future<StoredCommand> command(String commandId);

  /** Stores an append, or fails with an {@link AppendFailure} saying what is known of its fate. */
  Future<Void> append(Append append);

  /** The game's ownership epoch as stored now (a newer one than the room's: another node owns it). */
  Future<Long> ownerEpoch();

  /** Names the finished game's rematch, once: answers the rematch it names (an earlier one, if any). */
  Future<String> rematch(String rematchGameId);

  /** Keeps a chat line (any node reads it back, after a restart too). */
  Future<Void> chat(ChatMessage message);
}
