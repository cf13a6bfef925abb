package io.ludo.bots;

/**
 * A win count out of a number of games, with its Wilson score interval at 95 %: unlike the normal
 * approximation it stays inside 0..1 and is honest for rates near 0 or 1 and for few games.
 */
public record WinRate(int wins, int games) {
  /** The two-sided 95 % quantile of the normal distribution. */
  private static final double Z = 1.959963984540054;

  public WinRate {
    if (games < 0 || wins < 0 || wins > games) {
      throw new IllegalArgumentException("need 0 <= wins <= games");
    }
  }

  public double rate() {
    return games == 0 ? 0 : (double) wins / games;
  }

  public double low() {
    return center() - halfWidth();
  }

  public double high() {
    return center() + halfWidth();
  }

  private double center() {
    return games == 0 ? 0.5 : (rate() + Z * Z / (2.0 * games)) / (1 + Z * Z / games);
  }

  private double halfWidth() {
    if (games == 0) {
      return 0.5;
    }
    double p = rate();
    double n = games;
    return Z / (1 + Z * Z / n) * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
  }
}
