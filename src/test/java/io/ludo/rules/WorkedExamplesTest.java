package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.captured;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static io.ludo.rules.RuleSpec.rolled;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worked examples at the end of RULES.md, one test each, with default options. */
class WorkedExamplesTest {

  @Test
  void seat0AllInTheYardRollsFive_noLegalMove_playPasses_sixesZero() {
    given(seats(0, 2))
        .when(roll(5))
        .then(rolled(0, 5), passed(0, 2))
        .then(seats(0, 2).current(2).sixes(0));
  }

  @Test
  void seat0AllInTheYardRollsSix_movesToken0ToSquare0_rollsAgainWithSixesOne() {
    given(seats(0, 2))
        .when(roll(6))
        .then(rolled(0, 6, 0, 1, 2, 3))
        .then(seats(0, 2).toMove(6).sixes(1))
        .thenLegalMoves(0, 1, 2, 3);
    given(seats(0, 2))
        .when(roll(6), move(0))
        .then(moved(0, 0, -1, 0))
        .then(seats(0, 2).tokens(0, 0, -1, -1, -1).sixes(1));
    assertEquals(0, Board.square(0, 0));
  }

  @Test
  void seat0RollsSixSixSix_theThirdSixEndsTheTurn_theFirstTwoMovesStand() {
    given(seats(0, 2))
        .when(roll(6), move(0), roll(6), move(1), roll(6))
        .then(rolled(0, 6), passed(0, 2))
        .then(seats(0, 2).tokens(0, 0, 0, -1, -1).current(2));
  }

  @Test
  void seat0At29RollsTwo_landsOnSeat2sToken_onSquare31_capturesIt_andRollsAgain() {
    assertEquals(31, Board.square(2, 5));
    assertEquals(29, Board.square(0, 29));
    given(seats(0, 2).tokens(0, 29, -1, -1, -1).tokens(2, 5, -1, -1, -1))
        .when(roll(2), move(0))
        .then(moved(0, 0, 29, 31, captured(2, 0, 5)))
        .then(seats(0, 2).tokens(0, 31, -1, -1, -1));
  }

  @ParameterizedTest(name = "seat {0} lands on star 47")
  @ValueSource(ints = {1, 2, 3})
  void seat0At47_onAStar_isNotCapturedByAnyoneLandingThere(int seat) {
    int progressOn47 = Math.floorMod(47 - 13 * seat, 52);
    PositionBuilder before = seats(0, 1, 2, 3).tokens(0, 47, -1, -1, -1).tokens(seat, progressOn47 - 1, -1, -1, -1);
    given(before.current(seat).toMove(1))
        .when(move(0))
        .then(moved(seat, 0, progressOn47 - 1, progressOn47), passed(seat, (seat + 1) % 4))
        .then(seats(0, 1, 2, 3).tokens(0, 47, -1, -1, -1).tokens(seat, progressOn47, -1, -1, -1).current((seat + 1) % 4));
  }

  @Test
  void aTokenAt53RollingFour_isNotLegal_rollingThree_goesHome_andRollsAgain() {
    PositionBuilder at53 = seats(0, 2).tokens(0, 53, -1, -1, -1);
    given(at53.copy()).when(roll(4)).then(rolled(0, 4), passed(0, 2));
    given(at53.copy())
        .when(roll(3), move(0))
        .then(moved(0, 0, 53, 56))
        .then(seats(0, 2).tokens(0, 56, -1, -1, -1));
  }
}
