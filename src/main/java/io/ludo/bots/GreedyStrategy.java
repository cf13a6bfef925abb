package io.ludo.bots;

import static java.util.Comparator.comparing;

import io.ludo.rules.LegalMoves;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.Comparator;

/**
 * A one-move heuristic that looks only at what the move itself does. Legal moves are ranked
 * lexicographically by these questions, the first that tells them apart deciding:
 *
 * <ol>
 *   <li><b>capture</b>: the move sends an opponent token back to its yard;
 *   <li><b>bring home</b>: the token reaches home;
 *   <li><b>leave the yard</b>: the token enters the track;
 *   <li><b>reach safety</b>: a token on an unsafe track square lands on a safe square or in its
 *       home column;
 *   <li><b>stay out of reach</b>: after the move, no opponent token could land on the moved token
 *       with one die (see {@link Reach}: in practice, no opponent token 1..6 squares behind it);
 *   <li><b>flee</b>: the token was in an opponent's reach before the move;
 *   <li><b>advance the most advanced token</b>: the larger progress before the move.
 * </ol>
 *
 * Remaining ties go to the lowest token index, so the strategy is deterministic and needs no
 * randomness. docs/BOTS.md gives the same table.
 */
public final class GreedyStrategy implements Strategy {

  /** Ascending preference: the greatest outcome is the move played. */
  static final Comparator<MoveOutcome> PREFERENCE = comparing(MoveOutcome::captures)
      .thenComparing(MoveOutcome::reachesHome)
      .thenComparing(MoveOutcome::leavesYard)
      .thenComparing(MoveOutcome::reachesSafety)
      .thenComparing(MoveOutcome::outOfReach)
      .thenComparing(MoveOutcome::threatenedBefore)
      .thenComparingInt(MoveOutcome::from);

  @Override
  public int chooseToken(Rules rules, Position position) {
    int legal = rules.legalMoveBits(position);
    if (LegalMoves.count(legal) == 1) {
      return LegalMoves.nth(legal, 0);
    }
    Reach reach = Reach.of(rules, position);
    MoveOutcome best = null;
    for (int token : LegalMoves.list(legal)) {
      MoveOutcome outcome = MoveOutcome.of(rules, position, reach, token);
      if (best == null || PREFERENCE.compare(outcome, best) > 0) {
        best = outcome;
      }
    }
    return best.token();
  }
}
