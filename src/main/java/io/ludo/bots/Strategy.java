package io.ludo.bots;

import io.ludo.rules.Position;
import io.ludo.rules.Rules;

/**
 * A computer player for one seat. A server asks it for a move whenever its seat must move.
 *
 * <p>Implementations keep their randomness in an injected generator (never a global one), so a
 * seeded game replays exactly. An instance serves one game at a time and is not thread-safe.
 */
@FunctionalInterface
public interface Strategy {

  /**
   * The token the current seat of {@code position} moves.
   *
   * @param rules the rules of the game (its options decide what is legal)
   * @param position a position in phase {@code MOVE} with at least one legal move
   * @return one of {@code rules.legalMoves(position)}
   */
  int chooseToken(Rules rules, Position position);
}
