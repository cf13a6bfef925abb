package io.ludo.bots;

import io.ludo.rules.Board;
import io.ludo.rules.LegalMoves;
import io.ludo.rules.Options;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;

/**
 * Where each seat could capture with its next die: for every seat and die value, the unsafe
 * track squares one of its tokens may legally land on. A token standing there is "in reach".
 *
 * <p>This is the exact form of "an opponent token 1..6 squares behind": it follows each
 * opponent's own path (no square past its home branch), counts a yard exit onto an unsafe start
 * square, and asks the engine what is legal, so options such as blockades are respected.
 */
final class Reach {
  private static final int DIE_FACES = 6;

  private final long safeSquares;
  /** {@code landings[seat][die]}: bit {@code s} set when seat can land on unsafe square {@code s}. */
  private final long[][] landings = new long[Board.SEATS][DIE_FACES + 1];
  private final Position position;

  private Reach(Rules rules, Position position) {
    this.position = position;
    this.safeSquares = safeMask(rules.options());
    for (int seat : position.seats()) {
      for (int die = 1; die <= DIE_FACES; die++) {
        landings[seat][die] = landingsOf(rules, seat, die);
      }
    }
  }

  static Reach of(Rules rules, Position position) {
    return new Reach(rules, position);
  }

  private long landingsOf(Rules rules, int seat, int die) {
    int legal = rules.legalMoveBits(position, seat, die);
    long squares = 0;
    for (int t : LegalMoves.list(legal)) {
      int from = position.progress(seat, t);
      int to = from == Board.YARD ? Board.START : from + die;
      if (isExposed(seat, to)) {
        squares |= 1L << Board.square(seat, to);
      }
    }
    return squares;
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
    long bit = 1L << Board.square(seat, progress);
    int dice = 0;
    for (int die = 1; die <= DIE_FACES; die++) {
      if ((landings[attacker][die] & bit) != 0) {
        dice++;
      }
    }
    return dice;
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
