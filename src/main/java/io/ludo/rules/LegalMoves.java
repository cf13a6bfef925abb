package io.ludo.rules;

import java.util.ArrayList;
import java.util.List;

/** Legal moves as a 4-bit set of token indices, with the ascending list of each set shared. */
public final class LegalMoves {
  private static final List<List<Integer>> LISTS = new ArrayList<>(16);

  static {
    for (int bits = 0; bits < 16; bits++) {
      var tokens = new ArrayList<Integer>(4);
      for (int t = 0; t < Board.TOKENS; t++) {
        if ((bits & (1 << t)) != 0) {
          tokens.add(t);
        }
      }
      LISTS.add(List.copyOf(tokens));
    }
  }

  private LegalMoves() {}

  /** The ascending token indices of {@code bits}; the same immutable list every time. */
  public static List<Integer> list(int bits) {
    return LISTS.get(bits);
  }

  public static boolean contains(int bits, int token) {
    return token >= 0 && token < Board.TOKENS && (bits & (1 << token)) != 0;
  }

  public static int count(int bits) {
    return Integer.bitCount(bits);
  }

  /** The {@code i}-th legal token (0-based), ascending. */
  public static int nth(int bits, int i) {
    return LISTS.get(bits).get(i);
  }
}
