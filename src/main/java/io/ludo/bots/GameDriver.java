package io.ludo.bots;

import io.ludo.rules.Command;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays whole games through the engine: rolls from a {@link DiceSource} in {@code ROLL}, asks the
 * seat's {@link Strategy} in {@code MOVE}. Every command goes through {@link Rules#decide}, so a
 * strategy that answers an illegal token fails loudly instead of being corrected.
 */
public final class GameDriver {
  /** Far above any real game (a 2-player game takes a few hundred rolls); stops a stuck script. */
  public static final int DEFAULT_MAX_ROLLS = 100_000;

  private final Rules rules;
  private final int maxRolls;

  public GameDriver(Rules rules) {
    this(rules, DEFAULT_MAX_ROLLS);
  }

  public GameDriver(Rules rules, int maxRolls) {
    this.rules = Objects.requireNonNull(rules, "rules");
    if (maxRolls < 1) {
      throw new IllegalArgumentException("maxRolls must be positive");
    }
    this.maxRolls = maxRolls;
  }

  /** A game from the start, seats taken from the keys of {@code strategies} (ascending). */
  public GameResult play(Map<Integer, ? extends Strategy> strategies, DiceSource dice) {
    List<Integer> seats = strategies.keySet().stream().sorted().toList();
    return play(Position.initial(seats), strategies, dice, GameObserver.NONE);
  }

  /**
   * The game from {@code start} until it is {@code FINISHED} or the roll limit is reached.
   *
   * @throws IllegalStateException when a strategy answers a token the rules refuse
   */
  public GameResult play(
      Position start, Map<Integer, ? extends Strategy> strategies, DiceSource dice, GameObserver observer) {
    Position at = start;
    int rolls = 0;
    int moves = 0;
    while (at.phase() != Phase.FINISHED && rolls < maxRolls) {
      Command command;
      if (at.phase() == Phase.ROLL) {
        command = new Command.Roll(dice.roll());
        rolls++;
      } else {
        command = new Command.Move(strategyOf(strategies, at.current()).chooseToken(rules, at));
        moves++;
      }
      Step step = Step.take(rules, at, command);
      observer.onStep(step);
      at = step.after();
    }
    return new GameResult(at, rolls, moves);
  }

  private static Strategy strategyOf(Map<Integer, ? extends Strategy> strategies, int seat) {
    Strategy strategy = strategies.get(seat);
    if (strategy == null) {
      throw new IllegalArgumentException("no strategy for seat " + seat);
    }
    return strategy;
  }
}
