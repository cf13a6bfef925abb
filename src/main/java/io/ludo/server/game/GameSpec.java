package io.ludo.server.game;

import io.ludo.game.GameEvent;
import io.ludo.server.room.RoomListing;
import java.util.List;

/**
 * What a game verticle starts from: the creation events of a new room with its secret
 * {@code serverSeed}, or neither (take the stored room over and load its log and seed).
 * {@code listing} (a new room's invite code and visibility) and {@code idleMs} and {@code lingerMs}
 * say when an idle or finished room leaves memory.
 */
public record GameSpec(String gameId, String nodeId, List<GameEvent> creation, byte[] serverSeed, RoomListing listing,
    long idleMs, long lingerMs) {}
