package io.ludo.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.rules.Options;
import io.ludo.rules.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small seeded matches: the strategies are ordered as claimed, and seeds replay exactly. */
class MatchRunnerTest {
  private final Rules rules = new Rules(Options.DEFAULTS);

  @Test
  void greedyBeatsRandomByAClearMargin() {
    MatchResult result = new MatchRunner(rules, 1, 1).run(new Matchup(List.of("greedy", "random"), 200));
    // 200 games put the Wilson interval about ±6 points around the rate: its low end above 70 %
    // means greedy wins far more than the fair 50 %
    assertTrue(result.winRate(0).low() > 0.70, "greedy won only " + result.wins());
    assertEquals(0, result.unfinished());
  }

  @Test
  void expertBeatsRandomByAClearMargin() {
    MatchResult result = new MatchRunner(rules, 2, 1).run(new Matchup(List.of("expert:300", "random"), 40));
    assertTrue(result.winRate(0).rate() >= 0.80, "expert won only " + result.wins());
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    var matchup = new Matchup(List.of("greedy", "random", "random"), 30);
    assertEquals(new MatchRunner(rules, 9, 1).run(matchup).wins(), new MatchRunner(rules, 9, 2).run(matchup).wins());
  }

  @Test
  void theLineupRotatesThroughEverySeat() {
    var matchup = new Matchup(List.of("a", "b", "c", "d"), 8);
    assertEquals(List.of(0, 1, 2, 3), matchup.seats());
    assertEquals(3, matchup.entryAt(1, 2));
    assertEquals(0, matchup.entryAt(1, 3));
    assertEquals(List.of(0, 2), new Matchup(List.of("a", "b"), 2).seats());
    assertEquals(1, new Matchup(List.of("a", "b"), 2).entryAt(1, 0));
  }
}
