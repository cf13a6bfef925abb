package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static io.ludo.rules.RuleSpec.rolled;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RULES.md "A turn" 2: a token at progress p moves if p + d ≤ 56; home needs an exact roll. */
class ExactRollHomeTest {

  static Stream<Arguments> nearHome() {
    return IntStream.rangeClosed(45, 55)
        .boxed()
        .flatMap(p -> IntStream.rangeClosed(1, 6).mapToObj(d -> Arguments.of(p, d)));
  }

  @ParameterizedTest(name = "progress {0} rolls {1}")
  @MethodSource("nearHome")
  void aTokenOnItsWayMayMoveExactlyWhenItDoesNotOvershootHome(int progress, int value) {
    Integer[] expected = progress + value <= 56 ? new Integer[] {2} : new Integer[] {};
    given(seats(0, 2).tokens(0, 56, 56, progress, 56))
        .when(roll(value))
        .thenLegalMoves(expected);
  }

  @Test
  void givenProgress53_whenAFourIsRolled_thenNoMove_andPlayPasses() {
    given(seats(0, 2).tokens(0, 53, 56, -1, 56))
        .when(roll(4))
        .then(rolled(0, 4), passed(0, 2));
  }

  @Test
  void givenProgress53_whenAThreeIsRolled_thenTheTokenIsHome_andRollsAgain() {
    given(seats(0, 2).tokens(0, 53, 56, -1, 56))
        .when(roll(3), move(0))
        .then(moved(0, 0, 53, 56))
        .then(seats(0, 2).tokens(0, 56, 56, -1, 56));
  }

  @Test
  void givenATokenNearTheEndOfTheTrack_thenItMovesOnIntoItsHomeColumn() {
    given(seats(0, 2).tokens(0, 48, -1, -1, -1))
        .when(roll(5), move(0))
        .then(moved(0, 0, 48, 53), passed(0, 2))
        .then(seats(0, 2).tokens(0, 53, -1, -1, -1).current(2));
  }

  @ParameterizedTest(name = "rolls {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void aTokenAtHomeNeverMoves(int value) {
    given(seats(0, 2).tokens(0, 56, 10, 56, 56)).when(roll(value)).thenLegalMoves(1);
  }

  @Test
  void legalMovesAreAscending_andTwoTokensOnOneSquareAreTwoMoves() {
    given(seats(0, 2).tokens(0, 30, 10, 56, 10)).when(roll(3)).then(rolled(0, 3, 0, 1, 3));
  }

  @Test
  void whenATokenThatMayNotMoveIsPicked_thenIllegalMove() {
    PositionBuilder rolledThree = seats(0, 2).tokens(0, 56, -1, 54, 10).toMove(3);
    given(rolledThree.copy()).when(move(0)).then(RuleError.ILLEGAL_MOVE);
    given(rolledThree.copy()).when(move(1)).then(RuleError.ILLEGAL_MOVE);
    given(rolledThree.copy()).when(move(2)).then(RuleError.ILLEGAL_MOVE);
    given(rolledThree.copy()).when(move(3)).then(moved(0, 3, 10, 13), passed(0, 2));
  }

  @ParameterizedTest(name = "token {0}")
  @ValueSource(ints = {-1, 4, 9})
  void whenTheTokenIsNotZeroToThree_thenInvalidInput(int token) {
    given(seats(0, 2).tokens(0, 10, -1, -1, -1).toMove(3)).when(move(token)).then(RuleError.INVALID_INPUT);
  }

  @Test
  void givenTheRollPhase_whenMoving_thenWrongPhase_evenForABadToken() {
    given(seats(0, 2).tokens(0, 10, -1, -1, -1)).when(move(0)).then(RuleError.WRONG_PHASE);
    given(seats(0, 2).tokens(0, 10, -1, -1, -1)).when(move(9)).then(RuleError.WRONG_PHASE);
  }
}
