package io.ludo.bots;

import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Tokens;
import java.util.ArrayList;
import java.util.List;

/** Hand-built positions for given/when/then tests. */
final class Positions {
  private Positions() {}

  /**
   * Seat {@code current} must move a die of {@code dice}; {@code tokens} has one row per seat 0..3,
   * {@code null} for a seat not in the game.
   */
  static Position toMove(int current, int dice, int[][] tokens) {
    List<Integer> seats = new ArrayList<>();
    for (int seat = 0; seat < tokens.length; seat++) {
      if (tokens[seat] != null) {
        seats.add(seat);
      }
    }
    return new Position(seats, Tokens.of(tokens), current, Phase.MOVE, dice, 0, List.of(), Position.NO_WINNER);
  }
}
