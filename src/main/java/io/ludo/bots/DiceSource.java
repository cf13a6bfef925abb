package io.ludo.bots;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Where a game's die values come from: the engine never rolls, so the driver asks this. */
@FunctionalInterface
public interface DiceSource {

  /** The next die value, 1..6. */
  int roll();

  /** A fair die drawn from {@code random}: seed the generator to replay a game. */
  static DiceSource fair(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    return () -> random.nextInt(1, 7);
  }

  /** These values in order, then {@link NoSuchElementException}: for hand-written scenarios. */
  static DiceSource scripted(int... values) {
    int[] script = values.clone();
    return new DiceSource() {
      private int next;

      @Override
      public int roll() {
        if (next == script.length) {
          throw new NoSuchElementException("the script of " + script.length + " rolls ran out");
        }
        return script[next++];
      }
    };
  }
}
