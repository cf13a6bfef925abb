package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.captured;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.rules.Decision.Accepted;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RULES.md "Board": 2–4 ascending seats, clockwise play, and where each seat's tokens stand. */
class SeatOrderTest {

  static Stream<List<Integer>> seatLists() {
    return Stream.of(
        List.of(0, 2), List.of(1, 3), List.of(0, 1), List.of(2, 3), List.of(0, 3),
        List.of(0, 1, 3), List.of(1, 2, 3), List.of(0, 2, 3),
        List.of(0, 1, 2, 3));
  }

  @ParameterizedTest(name = "seats {0}")
  @MethodSource("seatLists")
  void aGameStartsWithEveryoneInTheYard_andTheFirstSeatToRoll(List<Integer> seats) {
    Position initial = Position.initial(seats);
    assertEquals(seats(seats.toArray(Integer[]::new)).build(), initial);
    assertEquals(seats.get(0), initial.current());
    assertEquals(Phase.ROLL, initial.phase());
  }

  @ParameterizedTest(name = "seats {0}")
  @MethodSource("seatLists")
  void playPassesInAscendingSeatOrder_andWrapsAround(List<Integer> seats) {
    Rules rules = new Rules(Options.DEFAULTS);
    Position p = Position.initial(seats);
    List<Integer> turns = new ArrayList<>();
    for (int i = 0; i < 2 * seats.size(); i++) {
      turns.add(p.current());
      p = rules.fold(p, ((Accepted) rules.decide(p, roll(1))).events());
    }
    List<Integer> expected = new ArrayList<>(seats);
    expected.addAll(seats);
    assertEquals(expected, turns);
  }

  @Test
  void aTokenStandsOnSquareThirteenTimesSeatPlusProgressModulo52() {
    assertEquals(List.of(0, 13, 26, 39), List.of(Board.square(0, 0), Board.square(1, 0), Board.square(2, 0), Board.square(3, 0)));
    assertEquals(7, Board.square(3, 20));
    assertEquals(38, Board.square(1, 25));
    assertEquals(24, Board.square(2, 50));
    assertEquals(50, Board.square(0, 50));
  }

  @Test
  void squareIsThirteenTimesSeatPlusProgressModulo52_forEveryInput() {
    for (int seat = -10; seat <= 10; seat++) {
      for (int progress = -200; progress <= 200; progress++) {
        assertEquals((13 * seat + progress) % 52, Board.square(seat, progress), seat + "," + progress);
      }
    }
  }

  @Test
  void givenSeatsOneAndThree_thenACaptureAcrossSquareZeroUsesAbsoluteSquares() {
    // Seat 3 at progress 12 (square 51) rolls 2 to progress 14 (square 1), where seat 1's progress 40 stands.
    given(seats(1, 3).tokens(3, 12, -1, -1, -1).tokens(1, 40, -1, -1, -1).current(3).toMove(2))
        .when(move(0))
        .then(moved(3, 0, 12, 14, captured(1, 0, 40)))
        .then(seats(1, 3).tokens(3, 14, -1, -1, -1).current(3));
  }

  @Test
  void givenSeatsZeroAndTwo_thenTheirStartSquaresAreOppositeAndPlayAlternates() {
    given(seats(0, 2))
        .when(roll(6), move(0), roll(1), move(0), roll(6), move(3), roll(2), move(3))
        .then(moved(2, 3, 0, 2), passed(2, 0))
        .then(seats(0, 2).tokens(0, 1, -1, -1, -1).tokens(2, -1, -1, -1, 2));
  }

  @Test
  void aSeatNeverVisitsTheSquareBeforeItsStart_itsTokensTurnIntoTheHomeColumn() {
    // Seat 1 at progress 50 is on square 11; its next step is column progress 51, not square 12
    // (where seat 2's token at progress 38 stands, untouched).
    given(seats(1, 2).tokens(1, 48, -1, -1, -1).tokens(2, 38, -1, -1, -1).toMove(3))
        .when(move(0))
        .then(moved(1, 0, 48, 51), passed(1, 2));
  }

  @Test
  void givenThreeSeats_thenTheLastSeatPassesToTheFirst() {
    given(seats(0, 1, 3).current(3)).when(roll(4)).then(RuleSpec.rolled(3, 4), passed(3, 0));
  }
}
