package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static io.ludo.rules.RuleSpec.rolled;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RULES.md "A turn" 2: a token leaves the yard on a roll in {@code exitValues}, to progress 0. */
class LeavingTheYardTest {

  @ParameterizedTest(name = "rolls {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void givenTheDefaultExitValues_whenAllInTheYardRollsNotASix_thenPlayPasses(int value) {
    given(seats(0, 2))
        .when(roll(value))
        .then(rolled(0, value), passed(0, 2))
        .then(seats(0, 2).current(2));
  }

  @Test
  void givenTheDefaultExitValues_whenASixIsRolled_thenEveryYardTokenMayLeave_toItsStartSquare() {
    given(seats(0, 2))
        .when(roll(6))
        .then(rolled(0, 6, 0, 1, 2, 3))
        .thenLegalMoves(0, 1, 2, 3);
    given(seats(0, 2))
        .when(roll(6), move(2))
        .then(moved(0, 2, -1, 0))
        .then(seats(0, 2).tokens(0, -1, -1, 0, -1).sixes(1));
  }

  @Test
  void givenTokensOnTheTrackAndInTheYard_thenOnlyAnExitValueAddsTheYardTokens() {
    PositionBuilder mixed = seats(0, 2).tokens(0, -1, 10, -1, 56);
    given(mixed.copy()).when(roll(6)).thenLegalMoves(0, 1, 2);
    given(mixed.copy()).when(roll(5)).thenLegalMoves(1);
  }

  static Stream<Arguments> exitValuesAndDice() {
    return Stream.of(List.of(6), List.of(1, 6), List.of(5, 6))
        .flatMap(exits -> IntStream.rangeClosed(1, 6).mapToObj(d -> Arguments.of(exits, d)));
  }

  @ParameterizedTest(name = "exitValues {0}, rolls {1}")
  @MethodSource("exitValuesAndDice")
  void aYardTokenIsLegalExactlyWhenTheRollIsAnExitValue(List<Integer> exits, int value) {
    PositionBuilder oneOut = seats(1, 3).tokens(1, -1, -1, 20, -1);
    Integer[] expected = exits.contains(value) ? new Integer[] {0, 1, 2, 3} : new Integer[] {2};
    given(oneOut).with(o -> o.withExitValues(exits)).when(roll(value)).thenLegalMoves(expected);
  }

  @Test
  void givenExitValuesOneAndSix_whenAOneIsRolled_thenATokenLeavesToProgressZero_andPlayPasses() {
    given(seats(0, 2))
        .with(o -> o.withExitValues(List.of(1, 6)))
        .when(roll(1), move(0))
        .then(moved(0, 0, -1, 0), passed(0, 2))
        .then(seats(0, 2).tokens(0, 0, -1, -1, -1).current(2));
  }

  @Test
  void givenExitValuesFiveAndSix_whenAFiveIsRolled_thenATokenLeavesToProgressZero_andPlayPasses() {
    given(seats(0, 2))
        .with(o -> o.withExitValues(List.of(5, 6)))
        .when(roll(5), move(3))
        .then(moved(0, 3, -1, 0), passed(0, 2))
        .then(seats(0, 2).tokens(0, -1, -1, -1, 0).current(2));
    given(seats(0, 2))
        .with(o -> o.withExitValues(List.of(5, 6)))
        .when(roll(1))
        .then(rolled(0, 1), passed(0, 2));
  }

  @Test
  void givenAnOwnTokenOnTheStartSquare_thenAnotherMayLeaveOntoIt() {
    given(seats(0, 2).tokens(0, 0, -1, -1, -1))
        .when(roll(6), move(1))
        .then(moved(0, 1, -1, 0))
        .then(seats(0, 2).tokens(0, 0, 0, -1, -1).sixes(1));
  }

  @Test
  void givenAYardToken_whenItIsPickedOnARollThatIsNoExitValue_thenIllegalMove() {
    given(seats(0, 2).tokens(0, -1, 10, -1, -1).toMove(4)).when(move(0)).then(RuleError.ILLEGAL_MOVE);
  }
}
