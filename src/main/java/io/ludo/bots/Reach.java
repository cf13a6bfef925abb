package io.ludo.bots;

import io.ludo.rules.Board;
import io.ludo.rules.LegalMoves;
import io.ludo.rules.Options;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;

/**
 * Which opponents could capture a token with their next die: a token is "in reach" when one of
 * an opponent's tokens may legally land on its square.
 *
 * <p>This is the exact form of "an opponent token 1..6 squares behind": it follows each
 * opponent's own path (no square past its home branch), counts a yard exit onto an unsafe start
 * square, and asks the engine whether each such move is legal, so options such as blockades and
 * exit values are respected.
 */
final class Reach {
  private static final int DIE_FACES = 6;

  private final Rules rules;
  private final Position position;
  private final long safeSquares;

  private Reach(Rules rules, Position position) {
    this.rules = rules;
    this.position = position;
    this.safeSquares = safeMask(rules.options());
  }

  static Reach of(Rules rules, Position position) {
    return new Reach(rules, position);
  }

  /** Whether a token of {@code seat} at {@code progress} could be captured there (unsafe track square). */
  boolean isExposed(int seat, int progress) {
    return Board.onTrack(progress) && (safeSquares & (1L << Board.square(seat, progress))) == 0;
  }

  /** How many die values let {@code attacker} land on the square of {@code seat}'s token at {@code progress}. */
  int diceHitting(int attacker, int seat, int progress) {
    if (attacker == seat || !isExposed(seat, progress)) {
      return 0;
    }
    int target = Board.square(seat, progress);
    int dice = 0; // bit d set when a die of d hits
    for (int t = 0; t < Board.TOKENS; t++) {
      int from = position.progress(attacker, t);
      if (from == Board.YARD) {
        if (Board.square(attacker, Board.START) == target) {
          for (int die = 1; die <= DIE_FACES; die++) {
            dice |= legalDie(attacker, t, die);
          }
        }
      } else if (Board.onTrack(from)) {
        int die = Math.floorMod(target - Board.square(attacker, from), Board.TRACK_SQUARES);
        if (die >= 1 && die <= DIE_FACES && from + die <= Board.LAST_TRACK) {
          dice |= legalDie(attacker, t, die);
        }
      }
    }
    return Integer.bitCount(dice);
  }

  /** Bit {@code die} when {@code seat} may move {@code token} by {@code die}, else 0. */
  private int legalDie(int seat, int token, int die) {
    return LegalMoves.contains(rules.legalMoveBits(position, seat, die), token) ? 1 << die : 0;
  }

  /** Whether some opponent could capture {@code seat}'s token at {@code progress} with one die. */
  boolean inReach(int seat, int progress) {
    for (int attacker : position.seats()) {
      if (diceHitting(attacker, seat, progress) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The chance that the token is captured before its seat moves again, if every opponent rolls
   * once and captures whenever its die allows (bonus rolls and choices elsewhere are ignored).
   */
  double captureChance(int seat, int progress) {
    double escapes = 1.0;
    for (int attacker : position.seats()) {
      escapes *= 1.0 - diceHitting(attacker, seat, progress) / (double) DIE_FACES;
    }
    return 1.0 - escapes;
  }

  private static long safeMask(Options options) {
    long mask = 0;
    for (int square : options.safeSquares()) {
      mask |= 1L << square;
    }
    return mask;
  }
}
