package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.captured;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static io.ludo.rules.RuleSpec.rolled;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RULES.md option {@code blockades}: two or more tokens of one seat on one shared-track square
 * block every other seat's move that enters that square (or leaves the yard onto it).
 */
class BlockadeTest {
  private static final UnaryOperator<Options> BLOCKADES = o -> o.withBlockades(true);

  /** Seat 0's token 0 on square 10, token 1 on square 30; seat 2 holds a block on square 12. */
  private static PositionBuilder blockTwoAhead() {
    return seats(0, 2).tokens(0, 10, 30, -1, -1).tokens(2, 38, 38, -1, -1);
  }

  @Test
  void givenABlockTwoSquaresAhead_thenARollOfOneStopsShortOfIt() {
    given(blockTwoAhead()).with(BLOCKADES).when(roll(1)).thenLegalMoves(0, 1);
  }

  @ParameterizedTest(name = "rolls {0}")
  @ValueSource(ints = {2, 3, 4, 5})
  void givenABlockTwoSquaresAhead_thenNoRollMayEnterOrPassIt(int value) {
    given(blockTwoAhead()).with(BLOCKADES).when(roll(value)).thenLegalMoves(1);
  }

  @ParameterizedTest(name = "rolls {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void givenABlockOnTheNextSquare_thenEvenARollOfOneIsBlocked(int value) {
    given(blockTwoAhead().tokens(2, 37, 37, -1, -1)).with(BLOCKADES).when(roll(value)).thenLegalMoves(1);
  }

  @Test
  void givenABlockedToken_whenItIsPicked_thenIllegalMove() {
    given(blockTwoAhead().toMove(4)).with(BLOCKADES).when(move(0)).then(RuleError.ILLEGAL_MOVE);
  }

  @Test
  void givenBlockadesOff_thenTwoTokensOnASquareBlockNothing_andBothAreCaptured() {
    given(blockTwoAhead()).when(roll(4)).thenLegalMoves(0, 1);
    given(blockTwoAhead())
        .when(roll(2), move(0))
        .then(moved(0, 0, 10, 12, captured(2, 0, 38), captured(2, 1, 38)));
  }

  @Test
  void givenABlockOfThreeTokens_thenItBlocksToo() {
    given(blockTwoAhead().tokens(2, 38, 38, 38, -1)).with(BLOCKADES).when(roll(3)).thenLegalMoves(1);
  }

  @Test
  void givenASingleOpponentToken_thenItIsNoBlock_andIsCaptured() {
    given(blockTwoAhead().tokens(2, 38, -1, -1, -1))
        .with(BLOCKADES)
        .when(roll(2), move(0))
        .then(moved(0, 0, 10, 12, captured(2, 0, 38)));
  }

  @Test
  void givenTwoTokensOfDifferentSeatsOnOneSquare_thenTheyAreNoBlock() {
    // Star 21: seat 1 at progress 8 and seat 2 at progress 47.
    given(seats(0, 1, 2).tokens(0, 19, -1, -1, -1).tokens(1, 8, -1, -1, -1).tokens(2, 47, -1, -1, -1))
        .with(BLOCKADES)
        .when(roll(4))
        .thenLegalMoves(0);
  }

  @Test
  void givenOwnBlockAhead_thenItDoesNotBlockOwnTokens() {
    given(seats(0, 2).tokens(0, 10, 12, 12, -1)).with(BLOCKADES).when(roll(3)).thenLegalMoves(0, 1, 2);
  }

  @Test
  void givenABlockOfAThirdSeat_thenItBlocksToo() {
    // Seat 1's block on square 14 (its progress 1).
    given(seats(0, 1, 2).tokens(0, 10, -1, -1, -1).tokens(1, 1, 1, -1, -1))
        .with(BLOCKADES)
        .when(roll(4))
        .then(rolled(0, 4), passed(0, 1));
    given(seats(0, 1, 2).tokens(0, 10, -1, -1, -1).tokens(1, 1, 1, -1, -1))
        .with(BLOCKADES)
        .when(roll(3))
        .thenLegalMoves(0);
  }

  @Test
  void givenABlockOnTheSquareTheTokenLeaves_thenItIsNotEntered() {
    // Both on star 8: seat 0 at progress 8, seat 2's block at progress 34.
    given(seats(0, 2).tokens(0, 8, -1, -1, -1).tokens(2, 34, 34, -1, -1))
        .with(BLOCKADES)
        .when(roll(1))
        .thenLegalMoves(0);
  }

  @Test
  void givenABlockOnTheStartSquare_thenNoTokenMayLeaveTheYard() {
    // Seat 2's block on square 0 (its progress 26), a safe square where both may stand.
    given(seats(0, 2).tokens(2, 26, 26, -1, -1))
        .with(BLOCKADES)
        .when(roll(6))
        .then(rolled(0, 6));
    given(seats(0, 2).tokens(0, -1, 20, -1, -1).tokens(2, 26, 26, -1, -1))
        .with(BLOCKADES)
        .when(roll(6))
        .thenLegalMoves(1);
  }

  @Test
  void givenABlockJustPastTheStartSquare_thenLeavingTheYardEntersOnlyTheStartSquare() {
    given(seats(0, 2).tokens(2, 27, 27, -1, -1)).with(BLOCKADES).when(roll(6)).thenLegalMoves(0, 1, 2, 3);
  }

  @Test
  void givenABlockOnTheLastTrackSquare_thenAMoveIntoTheHomeColumnIsBlocked() {
    // Seat 0 at progress 48 rolls 5: it enters squares 49 and 50, then its column.
    given(seats(0, 2).tokens(0, 48, -1, -1, -1).tokens(2, 24, 24, -1, -1))
        .with(BLOCKADES)
        .when(roll(5))
        .then(rolled(0, 5), passed(0, 2));
  }

  @Test
  void givenABlockOnTheSquareWhereTheHomeColumnBranchesOff_thenItIsNeverEntered() {
    // Square 51 is seat 2's progress 25; seat 0 never visits it.
    given(seats(0, 2).tokens(0, 48, -1, -1, -1).tokens(2, 25, 25, -1, -1))
        .with(BLOCKADES)
        .when(roll(5))
        .thenLegalMoves(0);
  }

  @Test
  void givenABlockAcrossSquareZero_thenTheWrapAroundIsChecked() {
    // Seat 1 at progress 40 stands on square 1; seat 0's block on square 3.
    PositionBuilder wrap = seats(0, 1).tokens(1, 40, -1, -1, -1).tokens(0, 3, 3, -1, -1).current(1);
    given(wrap.copy()).with(BLOCKADES).when(roll(1)).thenLegalMoves(0);
    given(wrap.copy()).with(BLOCKADES).when(roll(2)).then(rolled(1, 2), passed(1, 0));
  }

  @Test
  void givenAHomeColumnPair_thenItIsNoBlock() {
    given(seats(0, 2).tokens(0, 40, -1, -1, -1).tokens(2, 53, 53, -1, -1))
        .with(BLOCKADES)
        .when(roll(6))
        .thenLegalMoves(0, 1, 2, 3);
  }
}
