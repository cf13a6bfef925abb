package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.captured;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RULES.md "A turn" 4: a move that ends on a non-safe shared-track square sends every opponent
 * token on that square back to its yard; own tokens share squares.
 */
class CaptureTest {

  @Test
  void givenAnOpponentOnANonSafeSquare_whenLandingThere_thenItGoesBackToItsYard() {
    given(seats(0, 2).tokens(0, 29, -1, -1, -1).tokens(2, 5, 12, -1, -1).toMove(2))
        .when(move(0))
        .then(moved(0, 0, 29, 31, captured(2, 0, 5)))
        .then(seats(0, 2).tokens(0, 31, -1, -1, -1).tokens(2, -1, 12, -1, -1));
  }

  @Test
  void givenTokensOfEverySeatOnTheSquare_thenEveryOpponentTokenThereIsCaptured() {
    // Square 20: seat 1 progress 7, seat 2 progress 46, seat 3 progress 33.
    assertEquals(List.of(20, 20, 20), List.of(Board.square(1, 7), Board.square(2, 46), Board.square(3, 33)));
    PositionBuilder crowded = seats(0, 1, 2, 3)
        .tokens(0, 17, -1, -1, -1)
        .tokens(1, 7, 7, -1, 30)
        .tokens(2, 46, -1, 56, -1)
        .tokens(3, 33, 10, -1, -1);
    given(crowded.toMove(3))
        .when(move(0))
        .then(moved(0, 0, 17, 20, captured(1, 0, 7), captured(1, 1, 7), captured(2, 0, 46), captured(3, 0, 33)))
        .then(seats(0, 1, 2, 3)
            .tokens(0, 20, -1, -1, -1)
            .tokens(1, -1, -1, -1, 30)
            .tokens(2, -1, -1, 56, -1)
            .tokens(3, -1, 10, -1, -1));
  }

  @Test
  void givenOwnTokenOnTheTarget_thenBothShareTheSquare_withoutACapture() {
    given(seats(0, 2).tokens(0, 29, 31, -1, -1).toMove(2))
        .when(move(0))
        .then(moved(0, 0, 29, 31), passed(0, 2))
        .then(seats(0, 2).tokens(0, 31, 31, -1, -1).current(2));
  }

  @Test
  void givenAnOpponentOnTheAbsoluteSquareOfAHomeColumnProgress_thenNothingIsCapturedInTheColumn() {
    // Seat 3 at progress 12 stands on square 51, the square seat 0 never visits: its column branches off.
    given(seats(0, 3).tokens(0, 48, -1, -1, -1).tokens(3, 12, -1, -1, -1).toMove(3))
        .when(move(0))
        .then(moved(0, 0, 48, 51), passed(0, 3));
  }

  @Test
  void givenAnOpponentOnTheStartSquare_whenLeavingTheYard_withNoSafeSquares_thenItIsCaptured() {
    // Seat 2 at progress 26 stands on square 0, seat 0's start; a 5 gives no six bonus.
    PositionBuilder onStart = seats(0, 2).tokens(2, 26, -1, -1, -1);
    given(onStart.copy())
        .with(o -> o.withExitValues(List.of(5, 6)).withSafeSquares(List.of()))
        .when(roll(5), move(0))
        .then(moved(0, 0, -1, 0, captured(2, 0, 26)))
        .then(seats(0, 2).tokens(0, 0, -1, -1, -1));
    given(onStart.copy())
        .with(o -> o.withExitValues(List.of(5, 6)))
        .when(roll(5), move(0))
        .then(moved(0, 0, -1, 0), passed(0, 2));
  }

  @Test
  void aCapturedTokenMayLeaveItsYardAgain() {
    given(seats(0, 2).tokens(0, 29, -1, -1, -1).tokens(2, 5, -1, -1, -1).toMove(2))
        .when(move(0), roll(1), move(0), roll(6), move(0))
        .then(moved(2, 0, -1, 0))
        .then(seats(0, 2).tokens(0, 32, -1, -1, -1).tokens(2, 0, -1, -1, -1).current(2).sixes(1));
  }
}
