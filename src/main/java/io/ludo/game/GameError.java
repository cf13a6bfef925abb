package io.ludo.game;

/** Why a room refuses a command; each maps to one stable API error code of the same name. */
public enum GameError {
  INVALID_INPUT,
  FORBIDDEN,
  NOT_YOUR_TURN,
  WRONG_PHASE,
  STALE_DICE,
  GAME_FULL,
  NAME_TAKEN,
  GAME_STARTED,
  GAME_OVER,
  ILLEGAL_MOVE
}
