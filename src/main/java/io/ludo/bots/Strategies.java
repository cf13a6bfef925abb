package io.ludo.bots;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds a strategy from its name, as a server seat or a tournament command line names it:
 * {@code random}, {@code greedy}, {@code expert}, or {@code expert:<nodes>} for an expert with
 * another node budget than {@link ExpertStrategy#DEFAULT_NODE_BUDGET}.
 */
public final class Strategies {
  public static final List<String> NAMES = List.of("random", "greedy", "expert");

  private Strategies() {}

  /**
   * A new strategy for one game.
   *
   * @param random the randomness a strategy may use; the strategy keeps it, so pass a generator
   *     of its own (e.g. {@code SplittableRandom.split()}) to keep games reproducible
   * @throws IllegalArgumentException for an unknown name or a bad budget
   */
  public static Strategy create(String name, RandomGenerator random) {
    String[] parts = name.split(":", 2);
    String base = parts[0];
    if (parts.length == 2 && !base.equals("expert")) {
      throw new IllegalArgumentException("only expert takes a budget: " + name);
    }
    return switch (base) {
      case "random" -> new RandomStrategy(random);
      case "greedy" -> new GreedyStrategy();
      case "expert" -> parts.length == 2 ? new ExpertStrategy(budget(parts[1], name)) : new ExpertStrategy();
      default -> throw new IllegalArgumentException("unknown strategy " + name + "; known: " + NAMES);
    };
  }

  private static int budget(String text, String name) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the budget of " + name + " must be an integer", e);
    }
  }
}
