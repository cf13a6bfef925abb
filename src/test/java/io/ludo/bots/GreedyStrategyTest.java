package io.ludo.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.rules.Options;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import org.junit.jupiter.api.Test;

/** Each priority of the greedy heuristic wins over the ones below it. */
class GreedyStrategyTest {
  private final Rules rules = new Rules(Options.DEFAULTS);
  private final Strategy greedy = new GreedyStrategy();

  @Test
  void capturesRatherThanReachingSafety() {
    // given seat 0 rolled 3: token 0 at 27 would land on square 30, where seat 2's token (progress 4)
    // stands; token 1 at 44 would reach the star on square 47
    Position position = Positions.toMove(0, 3, new int[][] {{27, 44, -1, -1}, null, {4, -1, -1, -1}, null});
    // when / then
    assertEquals(0, greedy.chooseToken(rules, position));
  }

  @Test
  void bringsHomeRatherThanReachingSafety() {
    // given seat 0 rolled 3: token 0 at 10 would reach safe square 13, token 1 at 53 would reach home
    Position position = Positions.toMove(0, 3, new int[][] {{10, 53, -1, -1}, null, {-1, -1, -1, -1}, null});
    // when / then
    assertEquals(1, greedy.chooseToken(rules, position));
  }

  @Test
  void leavesTheYardRatherThanAdvancing() {
    // given seat 0 rolled 6 with token 1 out at 10 (16 is a plain square) and token 0 in the yard
    Position position = Positions.toMove(0, 6, new int[][] {{-1, 10, 56, 56}, null, {-1, -1, -1, -1}, null});
    // when / then
    assertEquals(0, greedy.chooseToken(rules, position));
  }

  @Test
  void staysOutOfReachRatherThanAdvancingItsLeader() {
    // given seat 0 rolled 2: its leader at 30 would land on 32, one square ahead of seat 2's token
    // on square 31 (progress 5); token 0 at 5 would land on 7, far from any opponent
    Position position = Positions.toMove(0, 2, new int[][] {{5, 30, -1, -1}, null, {5, -1, -1, -1}, null});
    // when / then
    assertEquals(0, greedy.chooseToken(rules, position));
  }

  @Test
  void advancesTheMostAdvancedTokenWhenNothingElseTellsThemApart() {
    // given seat 0 rolled 2 with tokens at 1 and 3 (landing on plain squares 3 and 5), no opponent out
    Position position = Positions.toMove(0, 2, new int[][] {{1, 3, -1, -1}, null, {-1, -1, -1, -1}, null});
    // when / then
    assertEquals(1, greedy.chooseToken(rules, position));
  }
}
