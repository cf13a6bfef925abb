package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.moved;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static io.ludo.rules.RuleSpec.rolled;

import org.junit.jupiter.api.Test;

/** RULES.md "A turn" 3: no legal move passes play, but a 6 with {@code sixBonus} rolls again. */
class NoLegalMoveTest {

  /** Token 0 at 53 and the others home: only a roll of 1..3 moves. */
  private static PositionBuilder almostDone() {
    return seats(0, 2).tokens(0, 53, 56, 56, 56);
  }

  @Test
  void givenNoLegalMove_whenNotASix_thenPlayPasses_andTheCountResets() {
    given(almostDone().sixes(1))
        .when(roll(4))
        .then(rolled(0, 4), passed(0, 2))
        .then(almostDone().current(2).sixes(0));
  }

  @Test
  void givenNoLegalMoveForASix_withSixBonus_thenTheSameSeatRollsAgain_withItsCountKept() {
    given(almostDone())
        .when(roll(6))
        .then(rolled(0, 6))
        .then(almostDone().sixes(1));
    given(almostDone())
        .when(roll(6), roll(3), move(0))
        .then(moved(0, 0, 53, 56), RuleSpec.ranked(0), RuleSpec.gameOver(0));
  }

  @Test
  void givenNoLegalMoveForASix_withoutSixBonus_thenPlayPasses() {
    given(almostDone())
        .with(o -> o.withSixBonus(false))
        .when(roll(6))
        .then(rolled(0, 6), passed(0, 2))
        .then(almostDone().current(2));
  }

  @Test
  void givenNoLegalMoveForASix_thenThatSixCountsTowardsMaxSixes() {
    given(almostDone())
        .when(roll(6), roll(6), roll(6))
        .then(rolled(0, 6), passed(0, 2))
        .then(almostDone().current(2));
  }

  @Test
  void givenNoLegalMove_inAThreeSeatGame_thenPlayPassesToTheNextSeatClockwise() {
    given(seats(0, 1, 3).current(1))
        .when(roll(2))
        .then(rolled(1, 2), passed(1, 3));
  }
}
