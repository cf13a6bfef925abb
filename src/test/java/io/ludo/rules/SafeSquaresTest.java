package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.captured;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RULES.md "Board" and option {@code safeSquares}: nobody is captured on a safe square. */
class SafeSquaresTest {

  /**
   * Seat 0 has rolled a 6 that takes its token 0 onto absolute square {@code square} (out of the
   * yard for square 0), where token 0 of seat 2 stands.
   */
  private static PositionBuilder seat0Reaching(int square) {
    return seats(0, 2).tokens(0, from(square), -1, -1, -1).tokens(2, seat2At(square), -1, -1, -1).toMove(6).sixes(1);
  }

  private static int from(int square) {
    return square == 0 ? -1 : square - 6;
  }

  private static int seat2At(int square) {
    return Math.floorMod(square - 26, 52);
  }

  @ParameterizedTest(name = "square {0}")
  @ValueSource(ints = {0, 8, 13, 21, 26, 34, 39, 47})
  void givenTheDefaultSafeSquares_thenLandingOnAStartOrStarCapturesNobody(int square) {
    given(seat0Reaching(square))
        .when(move(0))
        .then(moved(0, 0, from(square), square))
        .then(seats(0, 2).tokens(0, square, -1, -1, -1).tokens(2, seat2At(square), -1, -1, -1).sixes(1));
  }

  @ParameterizedTest(name = "square {0}")
  @ValueSource(ints = {0, 8, 13, 21, 26, 34, 39, 47})
  void givenNoSafeSquares_thenStartsAndStarsCaptureToo(int square) {
    given(seat0Reaching(square))
        .with(o -> o.withSafeSquares(List.of()))
        .when(move(0))
        .then(moved(0, 0, from(square), square, captured(2, 0, seat2At(square))));
  }

  @Test
  void givenACustomSafeList_thenOnlyItsSquaresAreSafe() {
    given(seat0Reaching(31))
        .with(o -> o.withSafeSquares(List.of(31)))
        .when(move(0))
        .then(moved(0, 0, 25, 31));
    given(seat0Reaching(8))
        .with(o -> o.withSafeSquares(List.of(31)))
        .when(move(0))
        .then(moved(0, 0, 2, 8, captured(2, 0, 34)));
  }

  @Test
  void givenTokensOfSeveralSeatsOnAStar_thenAThirdSeatJoinsThem() {
    // Star 21: seat 1 at progress 8, seat 2 at progress 47.
    given(seats(0, 1, 2).tokens(0, 19, -1, -1, -1).tokens(1, 8, -1, -1, -1).tokens(2, 47, -1, -1, -1).toMove(2))
        .when(move(0))
        .then(moved(0, 0, 19, 21), passed(0, 1))
        .then(seats(0, 1, 2).tokens(0, 21, -1, -1, -1).tokens(1, 8, -1, -1, -1).tokens(2, 47, -1, -1, -1).current(1));
  }
}
