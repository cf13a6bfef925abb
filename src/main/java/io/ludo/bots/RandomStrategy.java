package io.ludo.bots;

import io.ludo.rules.LegalMoves;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Moves a token drawn uniformly among the legal ones: the baseline every bot must beat. */
public final class RandomStrategy implements Strategy {
  private final RandomGenerator random;

  public RandomStrategy(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public int chooseToken(Rules rules, Position position) {
    int legal = rules.legalMoveBits(position);
    return LegalMoves.nth(legal, random.nextInt(LegalMoves.count(legal)));
  }
}
