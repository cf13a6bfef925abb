package io.ludo.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpertStrategyTest {
  private final Rules rules = new Rules(Options.DEFAULTS);

  @Test
  void neverVisitsMoreNodesThanItsBudgetAndAnswersALegalMove() {
    for (int budget : List.of(1, 50, 500, 3000)) {
      var expert = new ExpertStrategy(budget);
      for (Position position : movePositionsOfAGame()) {
        ExpertStrategy.Choice choice = expert.choose(rules, position);
        assertTrue(choice.nodes() <= budget, choice + " over budget " + budget);
        assertTrue(rules.legalMoves(position).contains(choice.token()), choice + " in " + position);
      }
    }
  }

  @Test
  void aLargerBudgetSearchesDeeper() {
    // given a middle-game choice between four tokens
    Position position = Positions.toMove(0, 4, new int[][] {{3, 17, 30, 44}, null, {2, 20, -1, -1}, null});
    // when
    int shallow = new ExpertStrategy(200).choose(rules, position).depth();
    int deep = new ExpertStrategy(20_000).choose(rules, position).depth();
    // then
    assertTrue(shallow >= 1 && deep > shallow, "depths " + shallow + " and " + deep);
  }

  @Test
  void aForcedMoveCostsNoSearch() {
    Position position = Positions.toMove(0, 3, new int[][] {{10, -1, -1, -1}, null, {2, -1, -1, -1}, null});
    assertEquals(new ExpertStrategy.Choice(0, 0, 0), new ExpertStrategy().choose(rules, position));
  }

  @Test
  void savesAnEndangeredRunnerWhereGreedyWouldLeaveTheYard() {
    // given seat 0 rolled 6 with three tokens in the yard and its runner on square 45, which seat 2's
    // tokens on squares 42, 43 and 44 (progress 16, 17, 18) could hit with a 3, 2 or 1
    Position position =
        Positions.toMove(0, 6, new int[][] {{-1, -1, -1, 45}, null, {16, 17, 18, -1}, null});
    // when / then: greedy brings a token out; the expert takes the runner into its home column
    assertEquals(0, new GreedyStrategy().chooseToken(rules, position));
    assertEquals(3, new ExpertStrategy().chooseToken(rules, position));
  }

  @Test
  void rejectsAnEmptyBudget() {
    assertThrows(IllegalArgumentException.class, () -> new ExpertStrategy(0));
  }

  /** The positions where some seat had to choose in one seeded greedy game. */
  private List<Position> movePositionsOfAGame() {
    var positions = new ArrayList<Position>();
    Strategy greedy = new GreedyStrategy();
    new GameDriver(rules).play(Position.initial(List.of(0, 2)), Map.of(0, greedy, 2, greedy),
        DiceSource.fair(new SplittableRandom(7)), step -> {
          if (step.after().phase() == Phase.MOVE && rules.legalMoves(step.after()).size() > 1) {
            positions.add(step.after());
          }
        });
    return positions.subList(0, Math.min(40, positions.size()));
  }
}
