package io.ludo.game;

/** An event as it stands in a room's log: its gapless sequence number from 1 and its time. */
public record Recorded(int seq, long at, GameEvent event) {}
