package io.ludo.server.store;

import java.util.List;

/**
 * A room's request to store its events, sent to this node's persistence verticle as is (a local
 * codec: no copy, no JSON): {@code expectedSeq} is the game's last seq before them (0 for a new
 * game), {@code epoch} the writer's ownership epoch; {@code commandId}, {@code fingerprint} and
 * {@code reply} (its text) record the command that caused them, when there is one; {@code sendBy}
 * (System.nanoTime) is when the command's owner stops waiting: past it, the append is never sent;
 * {@code serverSeed}, {@code inviteCode} and {@code visibility}, for a new game, its secret dice
 * seed and how friends find it.
 */
public record AppendRequest(String gameId, String roomName, String node, long epoch, int expectedSeq, String status,
    List<EventRow> events, String commandId, String fingerprint, String reply, byte[] serverSeed, long sendBy,
    String inviteCode, String visibility) {}
