package io.ludo.server.room;

import io.ludo.game.GameCommand;

/**
 * What the edges ask of a room, parsed once at the edge: within a node these records travel as
 * they are; between nodes a codec serializes them.
 */
public sealed interface RoomRequest {
  record View() implements RoomRequest {}

  record Fairness() implements RoomRequest {}

  /** The game's status and the end of its hash chain: what a certificate signs. */
  record Head() implements RoomRequest {}

  /** The frames after {@code sinceSeq}, when no more than {@code max} were missed. */
  record Recent(int sinceSeq, int max) implements RoomRequest {}

  /** Sockets of {@code playerId} (null: a spectator's) opened (+1) or closed (−1) on {@code node}. */
  record Presence(String node, String playerId, int delta) implements RoomRequest {}

  /** Postgres says that {@code epoch} now owns the game (a claim by {@code node}): an older room stops. */
  record EpochMoved(long epoch, String node) implements RoomRequest {}

  /** This node's cluster entry saw {@code node} drop out of the live nodes: nobody is connected through it. */
  record NodeLeft(String node) implements RoomRequest {}

  /** This node's cluster entry saw {@code node}, dropped out before, live again (it was cut off or frozen). */
  record NodeReturned(String node) implements RoomRequest {}

  /** A player of the finished game asks to play again with the same people. */
  record Rematch(String playerId) implements RoomRequest {}

  /** A seated player's chat line, already trimmed and within bounds. */
  record Chat(String playerId, String text) implements RoomRequest {}

  /**
   * A player's command ({@code type} as the client named it); {@code command} null when it was
   * malformed. {@code commandId} makes a resend get the first reply; {@code fingerprint} is what
   * the command asked for, so that a key reused for another request is refused.
   */
  record Command(String type, String commandId, String fingerprint, GameCommand command) implements RoomRequest {}
}
