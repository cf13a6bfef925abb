package io.ludo.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The canonical position of RULES.md. {@code dice} is {@link #NO_DICE} outside {@link Phase#MOVE};
 * {@code winner} is {@link #NO_WINNER} until a seat finishes. Whether a position is valid under
 * some options is told by {@link Rules#invalidity(Position)}.
 */
public record Position(
    List<Integer> seats,
    Tokens tokens,
    int current,
    Phase phase,
    int dice,
    int sixes,
    List<Integer> finished,
    int winner) {

  public static final int NO_DICE = 0;
  public static final int NO_WINNER = -1;

  public Position {
    seats = List.copyOf(seats);
    finished = List.copyOf(finished);
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(phase, "phase");
  }

  /** The start of a game: everyone in the yard, the first seat to roll. */
  public static Position initial(List<Integer> seats) {
    return new Position(seats, Tokens.allInYard(), seats.get(0), Phase.ROLL, NO_DICE, 0, List.of(), NO_WINNER);
  }

  public boolean isFinished(int seat) {
    return finished.contains(seat);
  }

  public boolean isPlaying(int seat) {
    return seats.contains(seat) && !finished.contains(seat);
  }

  public int progress(int seat, int token) {
    return tokens.progress(seat, token);
  }

  Position withTokens(Tokens t) {
    return new Position(seats, t, current, phase, dice, sixes, finished, winner);
  }

  Position afterRoll(int value, boolean mayMove) {
    int sixesNow = value == 6 ? sixes + 1 : 0;
    return new Position(seats, tokens, current, mayMove ? Phase.MOVE : Phase.ROLL,
        mayMove ? value : NO_DICE, sixesNow, finished, winner);
  }

  Position afterMove(Tokens t) {
    return new Position(seats, t, current, Phase.ROLL, NO_DICE, sixes, finished, winner);
  }

  Position passedTo(int seat) {
    return new Position(seats, tokens, seat, Phase.ROLL, NO_DICE, 0, finished, winner);
  }

  Position withFinisher(int seat) {
    var order = new ArrayList<>(finished);
    order.add(seat);
    return new Position(seats, tokens, current, phase, dice, sixes, order, winner == NO_WINNER ? seat : winner);
  }

  Position over() {
    return new Position(seats, tokens, current, Phase.FINISHED, NO_DICE, 0, finished, winner);
  }
}
