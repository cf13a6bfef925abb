package io.ludo.rules;

/** When a game ends. */
public enum EndCondition {
  /** The first seat to bring all four tokens home ends the game. */
  FIRST_WINNER,
  /** Play goes on until one seat is left, which is ranked last. */
  ALL_RANKED
}
