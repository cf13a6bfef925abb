package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.gameOver;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.ranked;
import static io.ludo.rules.RuleSpec.roll;
import static io.ludo.rules.RuleSpec.rolled;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RULES.md "A turn" 6 and option {@code endCondition}: finishing, the winner and the ranking. */
class FinishingTest {

  private static PositionBuilder seat0OneStepFromDone() {
    return seats(0, 2).tokens(0, 56, 56, 56, 53).tokens(2, 10, -1, 56, -1);
  }

  @Test
  void givenFirstWinner_whenTheFourthTokenReachesHome_thenTheGameEnds_withTheMoverCurrent() {
    given(seat0OneStepFromDone())
        .when(roll(3), move(3))
        .then(moved(0, 3, 53, 56), ranked(0), gameOver(0))
        .then(seats(0, 2).tokens(0, 56, 56, 56, 56).tokens(2, 10, -1, 56, -1).finished(0).over());
  }

  @Test
  void givenFirstWinner_whenFinishingWithASix_thenNoBonus_noDice_andTheCountIsZero() {
    given(seats(0, 2).tokens(0, 56, 50, 56, 56).sixes(1))
        .when(roll(6), move(1))
        .then(moved(0, 1, 50, 56), ranked(0), gameOver(0))
        .then(seats(0, 2).tokens(0, 56, 56, 56, 56).finished(0).over());
  }

  @Test
  void givenFourSeatsAndFirstWinner_thenOnlyTheWinnerIsRanked_andTheMoverStaysCurrent() {
    given(seats(0, 1, 2, 3).tokens(2, 56, 55, 56, 56).current(2))
        .when(roll(1), move(1))
        .then(moved(2, 1, 55, 56), ranked(2), gameOver(2))
        .then(seats(0, 1, 2, 3).tokens(2, 56, 56, 56, 56).current(2).finished(2).over());
  }

  @Test
  void givenAFinishedGame_thenEveryActionIsInTheWrongPhase() {
    PositionBuilder over = seats(0, 2).tokens(0, 56, 56, 56, 56).finished(0).over();
    given(over.copy()).when(roll(6)).then(RuleError.WRONG_PHASE);
    given(over.copy()).when(roll(9)).then(RuleError.WRONG_PHASE);
    given(over.copy()).when(move(0)).then(RuleError.WRONG_PHASE);
  }

  @ParameterizedTest(name = "finishing roll {0}")
  @ValueSource(ints = {1, 6})
  void givenAllRanked_whenASeatFinishes_thenNoBonus_andPlayPassesToTheNextSeat(int value) {
    given(seats(0, 1, 2, 3).tokens(1, 56, 56, 56, 56 - value).current(1))
        .with(o -> o.withEndCondition(EndCondition.ALL_RANKED))
        .when(roll(value), move(3))
        .then(moved(1, 3, 56 - value, 56), ranked(1), passed(1, 2))
        .then(seats(0, 1, 2, 3).tokens(1, 56, 56, 56, 56).current(2).finished(1));
  }

  @Test
  void givenAllRanked_thenPlayPassesOverFinishedSeats() {
    given(seats(0, 1, 2, 3).tokens(1, 56, 56, 56, 56).finished(1))
        .with(o -> o.withEndCondition(EndCondition.ALL_RANKED))
        .when(roll(3))
        .then(rolled(0, 3), passed(0, 2));
    given(seats(0, 1, 2, 3).tokens(3, 56, 56, 56, 56).tokens(0, 56, 56, 56, 56).finished(3, 0).current(2))
        .with(o -> o.withEndCondition(EndCondition.ALL_RANKED))
        .when(roll(6), move(0), roll(2), move(0))
        .then(moved(2, 0, 0, 2), passed(2, 1));
  }

  @Test
  void givenAllRanked_whenTheSecondToLastSeatFinishes_thenTheLastIsAppended_andTheGameEnds() {
    given(seats(0, 1, 2).tokens(2, 56, 56, 56, 56).tokens(0, 56, 56, 54, 56).tokens(1, 30, -1, -1, -1).finished(2))
        .with(o -> o.withEndCondition(EndCondition.ALL_RANKED))
        .when(roll(2), move(2))
        .then(moved(0, 2, 54, 56), ranked(0), ranked(1), gameOver(2, 0, 1))
        .then(seats(0, 1, 2)
            .tokens(2, 56, 56, 56, 56).tokens(0, 56, 56, 56, 56).tokens(1, 30, -1, -1, -1)
            .finished(2, 0, 1).over());
  }

  @Test
  void givenAllRankedWithTwoSeats_whenOneFinishes_thenTheOtherIsRankedLast() {
    given(seats(1, 3).tokens(3, 56, 52, 56, 56).current(3))
        .with(o -> o.withEndCondition(EndCondition.ALL_RANKED))
        .when(roll(4), move(1))
        .then(moved(3, 1, 52, 56), ranked(3), ranked(1), gameOver(3, 1))
        .then(seats(1, 3).tokens(3, 56, 56, 56, 56).current(3).finished(3, 1).over());
  }
}
