package io.ludo.rules;

import java.util.List;

/**
 * A fact of play. Each event says enough for {@link Rules#evolve} to apply it without deciding
 * anything again, so that replaying the events always rebuilds the same position.
 */
public sealed interface RuleEvent {

  /**
   * {@code seat} rolled {@code value}; {@code legalMoves} are the tokens it may now move. Empty
   * when it may not move: no legal token, or the roll hit the six limit.
   */
  record DiceRolled(int seat, int value, List<Integer> legalMoves) implements RuleEvent {
    public DiceRolled {
      legalMoves = List.copyOf(legalMoves);
    }
  }

  /** A token of {@code seat} went from progress {@code from} to {@code to}, capturing {@code captures}. */
  record TokenMoved(int seat, int token, int from, int to, List<Capture> captures)
      implements RuleEvent {
    public TokenMoved {
      captures = List.copyOf(captures);
    }

    public boolean reachedHome() {
      return to == Board.HOME;
    }
  }

  /** An opponent token sent back to its yard from progress {@code from}. */
  record Capture(int seat, int token, int from) {}

  /** Play passed from {@code from} to {@code to}; the six count starts again. */
  record TurnPassed(int from, int to) implements RuleEvent {}

  /** {@code seat} is ranked next in the finishing order (all tokens home, or the last one left). */
  record PlayerFinished(int seat) implements RuleEvent {}

  /** The game is over; {@code ranking} is the finishing order, its first seat the winner. */
  record GameFinished(List<Integer> ranking) implements RuleEvent {
    public GameFinished {
      ranking = List.copyOf(ranking);
    }
  }
}
