package io.ludo.bots;

import io.ludo.rules.Board;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;

/**
 * The static value of a position for one seat, in pips (squares of progress), used by {@link
 * ExpertStrategy} at the leaves of its search.
 *
 * <p>Each token is worth: nothing in the yard; {@code outOfYard + progress} on the track, less
 * {@code risk × captureChance ×} that worth (what a capture would take back, weighted by the
 * chance the opponents roll it before the token's seat moves again); {@code outOfYard + progress
 * + safeColumn} in its home column, where no one can capture it; and {@code outOfYard + 56 +
 * safeColumn + home} once home. A seat's worth is the sum over its tokens. The value for {@code
 * seat} is its worth less the mean of the best and the average opponent worth (both are the one
 * opponent in a 2-player game): the leader matters most, but capturing anyone helps.
 *
 * @param outOfYard what leaving the yard is worth beyond the progress (it takes a 6 to leave)
 * @param safeColumn what being beyond capture in the home column is worth
 * @param home what a finished token is worth beyond its 56 pips
 * @param risk how much of the expected capture loss counts
 */
record Evaluation(double outOfYard, double safeColumn, double home, double risk) {

  static final Evaluation DEFAULT = new Evaluation(15, 8, 4, 1.0);

  /** The value of {@code position} for {@code seat}: positive when it leads. */
  double of(Rules rules, Position position, int seat) {
    Reach reach = Reach.of(rules, position);
    double mine = 0;
    double best = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int opponents = 0;
    for (int s : position.seats()) {
      double worth = worth(reach, position, s);
      if (s == seat) {
        mine = worth;
      } else {
        best = Math.max(best, worth);
        sum += worth;
        opponents++;
      }
    }
    return mine - (best + sum / opponents) / 2;
  }

  private double worth(Reach reach, Position position, int seat) {
    double worth = 0;
    for (int t = 0; t < Board.TOKENS; t++) {
      worth += tokenWorth(reach, seat, position.progress(seat, t));
    }
    return worth;
  }

  private double tokenWorth(Reach reach, int seat, int progress) {
    if (progress == Board.YARD) {
      return 0;
    }
    double worth = outOfYard + progress;
    if (Board.onTrack(progress)) {
      return worth * (1 - risk * reach.captureChance(seat, progress));
    }
    return worth + safeColumn + (progress == Board.HOME ? home : 0);
  }
}
