package io.ludo.rules;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The per-game rule options of RULES.md. The constructor enforces ranges (an adapter that reads
 * untrusted input reports its {@link IllegalArgumentException} as {@code INVALID_INPUT}); lists are
 * kept sorted and distinct.
 */
public record Options(
    List<Integer> exitValues,
    int maxSixes,
    boolean sixBonus,
    boolean captureBonus,
    boolean homeBonus,
    List<Integer> safeSquares,
    boolean blockades,
    EndCondition endCondition) {

  public static final List<Integer> DEFAULT_SAFE_SQUARES = List.of(0, 8, 13, 21, 26, 34, 39, 47);
  public static final Options DEFAULTS =
      new Options(List.of(6), 3, true, true, true, DEFAULT_SAFE_SQUARES, false, EndCondition.FIRST_WINNER);

  public Options {
    exitValues = sortedDistinct(exitValues, 1, 6, "exitValues");
    safeSquares = sortedDistinct(safeSquares, 0, Board.TRACK_SQUARES - 1, "safeSquares");
    if (maxSixes < 0) {
      throw new IllegalArgumentException("maxSixes must be 0 or more");
    }
    Objects.requireNonNull(endCondition, "endCondition");
  }

  private static List<Integer> sortedDistinct(List<Integer> values, int min, int max, String name) {
    Objects.requireNonNull(values, name);
    var sorted = new TreeSet<Integer>();
    for (Integer v : values) {
      if (v == null || v < min || v > max) {
        throw new IllegalArgumentException(name + " must hold integers " + min + ".." + max);
      }
      sorted.add(v);
    }
    return List.copyOf(sorted);
  }

  public Options withExitValues(List<Integer> v) {
    return new Options(v, maxSixes, sixBonus, captureBonus, homeBonus, safeSquares, blockades, endCondition);
  }

  public Options withMaxSixes(int v) {
    return new Options(exitValues, v, sixBonus, captureBonus, homeBonus, safeSquares, blockades, endCondition);
  }

  public Options withSixBonus(boolean v) {
    return new Options(exitValues, maxSixes, v, captureBonus, homeBonus, safeSquares, blockades, endCondition);
  }

  public Options withCaptureBonus(boolean v) {
    return new Options(exitValues, maxSixes, sixBonus, v, homeBonus, safeSquares, blockades, endCondition);
  }

  public Options withHomeBonus(boolean v) {
    return new Options(exitValues, maxSixes, sixBonus, captureBonus, v, safeSquares, blockades, endCondition);
  }

  public Options withSafeSquares(List<Integer> v) {
    return new Options(exitValues, maxSixes, sixBonus, captureBonus, homeBonus, v, blockades, endCondition);
  }

  public Options withBlockades(boolean v) {
    return new Options(exitValues, maxSixes, sixBonus, captureBonus, homeBonus, safeSquares, v, endCondition);
  }

  public Options withEndCondition(EndCondition v) {
    return new Options(exitValues, maxSixes, sixBonus, captureBonus, homeBonus, safeSquares, blockades, v);
  }
}
