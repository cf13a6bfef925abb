package io.ludo.bots;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.rules.EndCondition;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.rules.Rules;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the options and the table, every strategy only ever answers a legal token. */
class LegalChoicesTest {
  private static final List<Options> VARIANTS = List.of(
      Options.DEFAULTS,
      Options.DEFAULTS.withExitValues(List.of(1, 6)).withBlockades(true),
      Options.DEFAULTS.withSafeSquares(List.of()).withMaxSixes(0).withEndCondition(EndCondition.ALL_RANKED));

  static Stream<Arguments> strategiesAndOptions() {
    return Stream.of("random", "greedy", "expert:300")
        .flatMap(name -> VARIANTS.stream().map(options -> Arguments.of(name, options)));
  }

  @ParameterizedTest
  @MethodSource("strategiesAndOptions")
  void everyChoiceIsLegal(String name, Options options) {
    Rules rules = new Rules(options);
    var random = new SplittableRandom(42);
    for (List<Integer> seats : List.of(List.of(0, 2), List.of(0, 1, 2, 3))) {
      for (int game = 0; game < 4; game++) {
        var strategies = new HashMap<Integer, Strategy>();
        for (int seat : seats) {
          strategies.put(seat, checked(Strategies.create(name, random.split())));
        }
        GameResult result = new GameDriver(rules).play(strategies, DiceSource.fair(random.split()));
        assertTrue(result.finished(), "game " + game + " of " + name + " did not finish");
      }
    }
  }

  /** The strategy, failing the test the moment it answers a token outside the legal moves. */
  private static Strategy checked(Strategy strategy) {
    return (rules, position) -> {
      assertTrue(position.phase() == Phase.MOVE && !rules.legalMoves(position).isEmpty());
      int token = strategy.chooseToken(rules, position);
      assertTrue(rules.legalMoves(position).contains(token), token + " is not legal in " + position);
      return token;
    };
  }
}
