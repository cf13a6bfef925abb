package io.ludo.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StrategiesTest {
  private final SplittableRandom random = new SplittableRandom(1);

  @Test
  void buildsEachStrategyByName() {
    assertInstanceOf(RandomStrategy.class, Strategies.create("random", random));
    assertInstanceOf(GreedyStrategy.class, Strategies.create("greedy", random));
    var expert = assertInstanceOf(ExpertStrategy.class, Strategies.create("expert", random));
    assertEquals(ExpertStrategy.DEFAULT_NODE_BUDGET, expert.nodeBudget());
    assertEquals(500, ((ExpertStrategy) Strategies.create("expert:500", random)).nodeBudget());
  }

  @Test
  void refusesUnknownNamesAndBadBudgets() {
    assertThrows(IllegalArgumentException.class, () -> Strategies.create("genius", random));
    assertThrows(IllegalArgumentException.class, () -> Strategies.create("greedy:10", random));
    assertThrows(IllegalArgumentException.class, () -> Strategies.create("expert:lots", random));
    assertThrows(IllegalArgumentException.class, () -> Strategies.create("expert:0", random));
  }
}
