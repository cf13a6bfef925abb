package io.ludo.bots;

import io.ludo.rules.Command;
import io.ludo.rules.Position;
import io.ludo.rules.RuleEvent;
import java.util.List;

/** Sees every step of a driven game: for property tests, logs and replays. */
@FunctionalInterface
public interface GameObserver {
  GameObserver NONE = (before, command, events, after) -> {};

  /** {@code command} was accepted in {@code before}, caused {@code events} and led to {@code after}. */
  void onStep(Position before, Command command, List<RuleEvent> events, Position after);
}
