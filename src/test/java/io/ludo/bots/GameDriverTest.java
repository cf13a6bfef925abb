package io.ludo.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.rules.Command;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import io.ludo.rules.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GameDriverTest {
  private final Rules rules = new Rules(Options.DEFAULTS);
  private final Strategy greedy = new GreedyStrategy();

  @Test
  void playsScriptedRollsToTheEnd() {
    // given seat 0 one pip from finishing, seat 2 far behind, seat 0 to roll
    Position start = new Position(List.of(0, 2),
        Tokens.of(new int[][] {{56, 56, 56, 55}, null, {10, -1, -1, -1}, null}),
        0, Phase.ROLL, Position.NO_DICE, 0, List.of(), Position.NO_WINNER);
    var commands = new ArrayList<Command>();
    // when seat 0 rolls 2 (too many), seat 2 rolls 3, then seat 0 rolls 1
    GameResult result = new GameDriver(rules).play(start, Map.of(0, greedy, 2, greedy),
        DiceSource.scripted(2, 3, 1), step -> commands.add(step.command()));
    // then seat 0 wins after three rolls and two moves
    assertTrue(result.finished());
    assertEquals(0, result.winner());
    assertEquals(List.of(0), result.ranking());
    assertEquals(3, result.rolls());
    assertEquals(2, result.moves());
    assertEquals(List.of(new Command.Roll(2), new Command.Roll(3), new Command.Move(0),
        new Command.Roll(1), new Command.Move(3)), commands);
  }

  @Test
  void stopsAtTheRollLimit() {
    // a die that never shows 6 never lets a token out of the yard
    GameResult result = new GameDriver(rules, 50).play(Map.of(0, greedy, 2, greedy), () -> 5);
    assertFalse(result.finished());
    assertEquals(50, result.rolls());
    assertEquals(Position.NO_WINNER, result.winner());
  }

  @Test
  void failsLoudlyOnAnIllegalAnswer() {
    // given seat 0 rolled 1 with token 3 in the yard, and a strategy that answers token 3
    Position position = Positions.toMove(0, 1, new int[][] {{10, -1, -1, -1}, null, {-1, -1, -1, -1}, null});
    Map<Integer, Strategy> seats = Map.of(0, (r, p) -> 3, 2, greedy);
    // when / then
    var driver = new GameDriver(rules);
    assertThrows(IllegalStateException.class,
        () -> driver.play(position, seats, DiceSource.scripted(), GameObserver.NONE));
  }

  @Test
  void theSameSeedReplaysTheSameGame() {
    Map<Integer, Strategy> seats = Map.of(0, greedy, 1, greedy, 2, greedy);
    GameResult first = new GameDriver(rules).play(seats, DiceSource.fair(new SplittableRandom(3)));
    GameResult again = new GameDriver(rules).play(seats, DiceSource.fair(new SplittableRandom(3)));
    assertEquals(first, again);
  }
}
