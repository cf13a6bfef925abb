package io.ludo.rules;

/** Why a command was refused; the names are the stable codes of RULES.md. */
public enum RuleError {
  /** A die value outside 1–6 or a token index outside 0–3. */
  INVALID_INPUT,
  /** A roll outside {@link Phase#ROLL}, a move outside {@link Phase#MOVE}, anything once finished. */
  WRONG_PHASE,
  /** A token 0–3 that the die does not allow to move. */
  ILLEGAL_MOVE
}
