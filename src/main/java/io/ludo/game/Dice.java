package io.ludo.game;

/** Where a room's rolls come from. Asked only for a roll that the rules accept. */
@FunctionalInterface
public interface Dice {
  /** The value 1–6 of the roll that will be event {@code seq} of the room. */
  int roll(GameState state, int seq);
}
