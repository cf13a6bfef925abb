package io.ludo.bots;

import io.ludo.rules.LegalMoves;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;

/**
 * Expectimax over the dice within a node budget. From the position to decide, it searches every
 * legal move of its own seat, averages over the six faces at each roll, models every opponent as
 * {@link GreedyStrategy} (cheap, and what it mostly meets), and scores the horizon with {@link
 * Evaluation}. Depth counts moves (and rolls that allow no move), bonus rolls included.
 *
 * <p>The search deepens one move at a time (iterative deepening) and keeps the choice of the
 * deepest search that finished within the budget. The budget counts positions visited, not
 * time, so a seeded tournament gives the same numbers on any machine.
 */
public final class ExpertStrategy implements Strategy {
  /** About a depth-3 search in the middle game; a few milliseconds per choice. */
  public static final int DEFAULT_NODE_BUDGET = 2_000;
  /** Deeper than any budget worth running reaches; bounds the loop where the game tree is tiny. */
  static final int MAX_DEPTH = 12;

  private final int nodeBudget;
  private final Evaluation evaluation;

  /** What one choice cost: the token, the depth of the search that chose it, the nodes visited. */
  public record Choice(int token, int depth, int nodes) {}

  public ExpertStrategy() {
    this(DEFAULT_NODE_BUDGET);
  }

  public ExpertStrategy(int nodeBudget) {
    this(nodeBudget, Evaluation.DEFAULT);
  }

  ExpertStrategy(int nodeBudget, Evaluation evaluation) {
    if (nodeBudget < 1) {
      throw new IllegalArgumentException("the node budget must be positive");
    }
    this.nodeBudget = nodeBudget;
    this.evaluation = evaluation;
  }

  public int nodeBudget() {
    return nodeBudget;
  }

  @Override
  public int chooseToken(Rules rules, Position position) {
    return choose(rules, position).token();
  }

  /** The choice for {@code position} (phase {@code MOVE}), with what the search cost. */
  public Choice choose(Rules rules, Position position) {
    int legal = rules.legalMoveBits(position);
    if (LegalMoves.count(legal) == 1) {
      return new Choice(LegalMoves.nth(legal, 0), 0, 0);
    }
    var search = new ExpectimaxSearch(rules, position.current(), evaluation, nodeBudget);
    Choice best = null;
    for (int depth = 1; depth <= MAX_DEPTH; depth++) {
      var found = search.bestMove(position, depth);
      if (found.isEmpty()) {
        break;
      }
      best = new Choice(found.getAsInt(), depth, search.nodes());
      if (!search.reachedHorizon()) {
        break;
      }
    }
    if (best == null) {
      // Not even every move could be looked at once: fall back on the one-move heuristic.
      return new Choice(new GreedyStrategy().chooseToken(rules, position), 0, search.nodes());
    }
    return best;
  }
}
