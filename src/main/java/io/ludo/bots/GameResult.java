package io.ludo.bots;

import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import java.util.List;

/**
 * How a driven game ended.
 *
 * @param last the last position: {@code FINISHED}, unless the driver's roll limit stopped the game
 * @param rolls the dice rolled, bonus rolls included
 * @param moves the tokens moved
 */
public record GameResult(Position last, int rolls, int moves) {

  public boolean finished() {
    return last.phase() == Phase.FINISHED;
  }

  /** The first seat to finish, or {@link Position#NO_WINNER}. */
  public int winner() {
    return last.winner();
  }

  /** The seats in the order they finished. */
  public List<Integer> ranking() {
    return last.finished();
  }
}
