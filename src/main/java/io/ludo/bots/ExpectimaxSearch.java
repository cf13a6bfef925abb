package io.ludo.bots;

import io.ludo.rules.Command;
import io.ludo.rules.LegalMoves;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.OptionalInt;

/**
 * One expectimax search for {@link ExpertStrategy}: max over its own seat's moves, the mean over
 * the six faces of each roll, greedy replies for the opponents, {@link Evaluation} at the horizon.
 * It shares one node budget across the depths it is asked for and gives up a depth that would
 * exceed it.
 */
final class ExpectimaxSearch {
  private static final double WIN = 10_000;
  private static final int DIE_FACES = 6;

  private final Rules rules;
  private final int seat;
  private final Evaluation evaluation;
  private final int budget;
  private final Strategy opponentModel = new GreedyStrategy();
  private int nodes;
  private boolean reachedHorizon;

  ExpectimaxSearch(Rules rules, int seat, Evaluation evaluation, int budget) {
    this.rules = rules;
    this.seat = seat;
    this.evaluation = evaluation;
    this.budget = budget;
  }

  /** Positions visited so far, over every depth searched. Never above the budget. */
  int nodes() {
    return nodes;
  }

  /** Whether the last search stopped anywhere at its depth limit (so a deeper one could differ). */
  boolean reachedHorizon() {
    return reachedHorizon;
  }

  /** The best move of {@code position} searched {@code depth} moves deep; empty when the budget ran out. */
  OptionalInt bestMove(Position position, int depth) {
    reachedHorizon = false;
    try {
      int bestToken = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int token : LegalMoves.list(rules.legalMoveBits(position))) {
        double value = value(apply(position, new Command.Move(token)), depth - 1);
        if (value > bestValue) {
          bestValue = value;
          bestToken = token;
        }
      }
      return OptionalInt.of(bestToken);
    } catch (OutOfBudget e) {
      return OptionalInt.empty();
    }
  }

  private double value(Position position, int depth) {
    if (nodes == budget) {
      throw OutOfBudget.INSTANCE;
    }
    nodes++;
    if (position.phase() == Phase.FINISHED || position.isFinished(seat)) {
      return outcome(position);
    }
    if (position.phase() == Phase.ROLL) {
      return depth == 0 ? horizon(position) : meanOverRolls(position, depth);
    }
    if (position.current() != seat) {
      int reply = opponentModel.chooseToken(rules, position);
      return value(apply(position, new Command.Move(reply)), depth - 1);
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int token : LegalMoves.list(rules.legalMoveBits(position))) {
      best = Math.max(best, value(apply(position, new Command.Move(token)), depth - 1));
    }
    return best;
  }

  /**
   * {@code WIN} for first place down to {@code -WIN} for last, evenly between: the result once
   * the game is over or (with {@code ALL_RANKED}) once this seat has its rank.
   */
  private double outcome(Position position) {
    int rank = position.finished().indexOf(seat);
    int last = position.seats().size() - 1;
    return WIN * (1 - 2.0 * (rank < 0 ? last : rank) / last);
  }

  private double horizon(Position position) {
    reachedHorizon = true;
    return evaluation.of(rules, position, seat);
  }

  private double meanOverRolls(Position position, int depth) {
    double sum = 0;
    for (int face = 1; face <= DIE_FACES; face++) {
      Position rolled = apply(position, new Command.Roll(face));
      // A roll that allows no move uses up a step too, or turns of passing would never end.
      sum += value(rolled, rolled.phase() == Phase.MOVE ? depth : depth - 1);
    }
    return sum / DIE_FACES;
  }

  private Position apply(Position position, Command command) {
    return Step.take(rules, position, command).after();
  }

  /** Unwinds a search whose budget ran out; shared and stackless, as it is thrown often. */
  private static final class OutOfBudget extends RuntimeException {
    static final OutOfBudget INSTANCE = new OutOfBudget();

    private OutOfBudget() {
      super("node budget spent", null, false, false);
    }
  }
}
