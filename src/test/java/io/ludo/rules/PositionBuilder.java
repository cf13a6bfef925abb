package io.ludo.rules;

import java.util.List;

/**
 * Builds test positions in the words of RULES.md: {@code seats(0, 2).tokens(0, 29, -1, -1, -1)
 * .toMove(2)}. Unset tokens are in the yard; the first seat is current; the phase is ROLL; the
 * winner follows {@code finished} unless set.
 */
final class PositionBuilder {
  private final List<Integer> seats;
  private final int[][] tokens = new int[Board.SEATS][];
  private int current;
  private Phase phase = Phase.ROLL;
  private int dice = Position.NO_DICE;
  private int sixes;
  private List<Integer> finished = List.of();
  private Integer winner;

  private PositionBuilder(List<Integer> seats) {
    this.seats = seats;
    this.current = seats.isEmpty() ? 0 : seats.get(0);
    for (int seat : seats) {
      if (Board.validSeat(seat)) {
        tokens[seat] = new int[] {-1, -1, -1, -1};
      }
    }
  }

  static PositionBuilder seats(Integer... seats) {
    return new PositionBuilder(List.of(seats));
  }

  /** The four progress values of {@code seat}'s tokens 0..3. */
  PositionBuilder tokens(int seat, int t0, int t1, int t2, int t3) {
    tokens[seat] = new int[] {t0, t1, t2, t3};
    return this;
  }

  /** One token's progress; the seat's other tokens keep theirs. */
  PositionBuilder token(int seat, int token, int progress) {
    tokens[seat][token] = progress;
    return this;
  }

  /** {@code seat} is to roll. */
  PositionBuilder current(int seat) {
    this.current = seat;
    return this;
  }

  /** The current seat rolled {@code dice} and must pick a token. */
  PositionBuilder toMove(int dice) {
    this.phase = Phase.MOVE;
    this.dice = dice;
    return this;
  }

  PositionBuilder sixes(int sixes) {
    this.sixes = sixes;
    return this;
  }

  /** The finishing order so far; the winner is its first seat unless {@link #winner} says else. */
  PositionBuilder finished(Integer... order) {
    this.finished = List.of(order);
    return this;
  }

  PositionBuilder winner(int seat) {
    this.winner = seat;
    return this;
  }

  /** The game is over: phase FINISHED, no dice, no sixes. */
  PositionBuilder over() {
    this.phase = Phase.FINISHED;
    this.dice = Position.NO_DICE;
    this.sixes = 0;
    return this;
  }

  /** Raw setters for invalid positions. */
  PositionBuilder phase(Phase phase) {
    this.phase = phase;
    return this;
  }

  PositionBuilder dice(int dice) {
    this.dice = dice;
    return this;
  }

  PositionBuilder copy() {
    PositionBuilder c = new PositionBuilder(seats);
    for (int s = 0; s < Board.SEATS; s++) {
      c.tokens[s] = tokens[s] == null ? null : tokens[s].clone();
    }
    c.current = current;
    c.phase = phase;
    c.dice = dice;
    c.sixes = sixes;
    c.finished = finished;
    c.winner = winner;
    return c;
  }

  Position build() {
    int w = winner != null ? winner : finished.isEmpty() ? Position.NO_WINNER : finished.get(0);
    return new Position(seats, Tokens.of(tokens), current, phase, dice, sixes, finished, w);
  }
}
