package io.ludo.bots;

/** Sees every step of a driven game: for property tests, logs and replays. */
@FunctionalInterface
public interface GameObserver {
  GameObserver NONE = step -> {};

  /** A command was accepted: {@code step} holds the position before, the events and the position after. */
  void onStep(Step step);
}
