package io.ludo.server.game;

import io.ludo.game.Dice;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * The server's dice: a {@link SecureRandom} per game. Test configuration ({@code LUDO_TEST_DICE})
 * may make them repeatable: {@code seed:N} (a seeded generator per game) or {@code script:6,3,…}
 * (the same values in a loop, for every game). No API request can choose a roll.
 */
public final class ServerDice {
  private ServerDice() {}

  public static Dice forGame(String gameId, String testDice) {
    if (testDice == null || testDice.isBlank()) {
      SecureRandom random = new SecureRandom();
      return (state, seq) -> 1 + random.nextInt(6);
    }
    if (testDice.startsWith("seed:")) {
      SplittableRandom random = new SplittableRandom(Long.parseLong(testDice.substring(5).trim()) ^ gameId.hashCode());
      return (state, seq) -> 1 + random.nextInt(6);
    }
    if (testDice.startsWith("script:")) {
      int[] values = java.util.Arrays.stream(testDice.substring(7).split(","))
          .mapToInt(v -> Integer.parseInt(v.trim())).toArray();
      int[] next = {0};
      return (state, seq) -> values[next[0]++ % values.length];
    }
    throw new IllegalArgumentException("test_dice must be seed:N or script:v,v,…");
  }
}
