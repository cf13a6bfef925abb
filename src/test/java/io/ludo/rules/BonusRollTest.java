package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.captured;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static io.ludo.rules.RuleSpec.rolled;

import org.junit.jupiter.api.Test;

/**
 * RULES.md "A turn" 5 and options {@code sixBonus}, {@code captureBonus}, {@code homeBonus}: one
 * extra roll at most per move, whatever the reasons.
 */
class BonusRollTest {

  private static PositionBuilder seat0At10() {
    return seats(0, 2).tokens(0, 10, -1, -1, -1);
  }

  /** Seat 2's token 0 stands on square 12, two squares ahead of seat 0's token at 10. */
  private static PositionBuilder victimTwoAhead() {
    return seat0At10().tokens(2, 38, -1, -1, -1);
  }

  /** Seat 2's token 0 stands on square 16, a six ahead of seat 0's token at 10. */
  private static PositionBuilder victimSixAhead() {
    return seat0At10().tokens(2, 42, -1, -1, -1);
  }

  @Test
  void givenSixBonus_whenASixMoves_thenTheSameSeatRollsAgain() {
    given(seat0At10())
        .when(roll(6), move(0))
        .then(moved(0, 0, 10, 16))
        .then(seats(0, 2).tokens(0, 16, -1, -1, -1).sixes(1));
  }

  @Test
  void givenNoSixBonus_whenASixMoves_thenPlayPasses() {
    given(seat0At10())
        .with(o -> o.withSixBonus(false))
        .when(roll(6), move(0))
        .then(moved(0, 0, 10, 16), passed(0, 2))
        .then(seats(0, 2).tokens(0, 16, -1, -1, -1).current(2));
  }

  @Test
  void givenCaptureBonus_whenAMoveCaptures_thenTheSameSeatRollsAgain() {
    given(victimTwoAhead())
        .when(roll(2), move(0))
        .then(moved(0, 0, 10, 12, captured(2, 0, 38)))
        .then(seats(0, 2).tokens(0, 12, -1, -1, -1));
  }

  @Test
  void givenNoCaptureBonus_whenAMoveCaptures_thenPlayPasses() {
    given(victimTwoAhead())
        .with(o -> o.withCaptureBonus(false))
        .when(roll(2), move(0))
        .then(moved(0, 0, 10, 12, captured(2, 0, 38)), passed(0, 2))
        .then(seats(0, 2).tokens(0, 12, -1, -1, -1).current(2));
  }

  @Test
  void givenHomeBonus_whenATokenReachesHome_thenTheSameSeatRollsAgain() {
    given(seat0At10().token(0, 1, 53))
        .when(roll(3), move(1))
        .then(moved(0, 1, 53, 56))
        .then(seats(0, 2).tokens(0, 10, 56, -1, -1));
  }

  @Test
  void givenNoHomeBonus_whenATokenReachesHome_thenPlayPasses() {
    given(seat0At10().token(0, 1, 53))
        .with(o -> o.withHomeBonus(false))
        .when(roll(3), move(1))
        .then(moved(0, 1, 53, 56), passed(0, 2))
        .then(seats(0, 2).tokens(0, 10, 56, -1, -1).current(2));
  }

  @Test
  void givenASixThatCaptures_thenOneExtraRollOnly() {
    given(victimSixAhead())
        .when(roll(6), move(0))
        .then(moved(0, 0, 10, 16, captured(2, 0, 42)))
        .then(seats(0, 2).tokens(0, 16, -1, -1, -1).sixes(1));
    given(victimSixAhead())
        .when(roll(6), move(0), roll(1), move(0))
        .then(moved(0, 0, 16, 17), passed(0, 2));
  }

  @Test
  void givenASixThatBringsATokenHome_thenOneExtraRollOnly() {
    given(seat0At10().token(0, 1, 50))
        .when(roll(6), move(1), roll(2), move(0))
        .then(moved(0, 0, 10, 12), passed(0, 2))
        .then(seats(0, 2).tokens(0, 12, 56, -1, -1).current(2));
  }

  @Test
  void givenOnlyCaptureBonus_whenSixesCapture_thenTheCountIsKeptAcrossTheBonusRolls() {
    // Seat 2's tokens on squares 16 and 22: two sixes from 10 capture both; the third six ends the turn.
    given(seat0At10().tokens(2, 42, 48, -1, -1))
        .with(o -> o.withSixBonus(false))
        .when(roll(6), move(0), roll(6), move(0), roll(6))
        .then(rolled(0, 6), passed(0, 2))
        .then(seats(0, 2).tokens(0, 22, -1, -1, -1).current(2));
  }

  @Test
  void givenNoBonusAtAll_whenASixCaptures_thenPlayPasses() {
    given(victimSixAhead())
        .with(o -> o.withSixBonus(false).withCaptureBonus(false).withHomeBonus(false))
        .when(roll(6), move(0))
        .then(moved(0, 0, 10, 16, captured(2, 0, 42)), passed(0, 2));
  }
}
