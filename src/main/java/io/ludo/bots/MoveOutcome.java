package io.ludo.bots;

import io.ludo.rules.Board;
import io.ludo.rules.Command;
import io.ludo.rules.Position;
import io.ludo.rules.RuleEvent.TokenMoved;
import io.ludo.rules.Rules;

/**
 * What moving one token would do, as the engine itself decides it: the facts a heuristic weighs.
 *
 * @param captured how many opponent tokens the move sends back to their yards
 * @param threatenedBefore the token stood in an opponent's reach before moving
 * @param threatenedAfter the token stands in an opponent's reach after moving
 * @param exposedBefore the token stood on an unsafe track square before moving
 * @param exposedAfter the token stands on an unsafe track square after moving
 */
record MoveOutcome(
    int token,
    int from,
    int to,
    int captured,
    boolean threatenedBefore,
    boolean threatenedAfter,
    boolean exposedBefore,
    boolean exposedAfter) {

  /** The outcome of moving {@code token}, a legal move of {@code position}; {@code reach} is of {@code position}. */
  static MoveOutcome of(Rules rules, Position position, Reach reach, int token) {
    Step step = Step.take(rules, position, new Command.Move(token));
    TokenMoved moved = (TokenMoved) step.events().get(0);
    int seat = position.current();
    Reach reachAfter = Reach.of(rules, step.after());
    return new MoveOutcome(
        token,
        moved.from(),
        moved.to(),
        moved.captures().size(),
        reach.inReach(seat, moved.from()),
        reachAfter.inReach(seat, moved.to()),
        reach.isExposed(seat, moved.from()),
        reachAfter.isExposed(seat, moved.to()));
  }

  boolean captures() {
    return captured > 0;
  }

  boolean reachesHome() {
    return to == Board.HOME;
  }

  boolean leavesYard() {
    return from == Board.YARD;
  }

  /** An exposed token lands where it cannot be captured (a safe square or its home column). */
  boolean reachesSafety() {
    return exposedBefore && !exposedAfter;
  }

  boolean outOfReach() {
    return !threatenedAfter;
  }
}
