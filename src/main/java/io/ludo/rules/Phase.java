package io.ludo.rules;

/** What the current seat must do next. */
public enum Phase {
  /** The current seat must roll. */
  ROLL,
  /** The current seat must pick a token for the die in {@link Position#dice()}. */
  MOVE,
  /** The game is over. */
  FINISHED
}
