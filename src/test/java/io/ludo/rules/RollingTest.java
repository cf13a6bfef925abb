package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static io.ludo.rules.RuleSpec.given;
import static io.ludo.rules.RuleSpec.move;
import static io.ludo.rules.RuleSpec.passed;
import static io.ludo.rules.RuleSpec.roll;
import static io.ludo.rules.RuleSpec.rolled;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RULES.md "A turn" 1: rolling, the consecutive-six count and {@code maxSixes}. */
class RollingTest {

  private static PositionBuilder seat0OnTrack() {
    return seats(0, 2).tokens(0, 10, -1, -1, -1);
  }

  @Test
  void givenTwoSixes_whenANonSixIsRolled_thenTheCountResetsToZero() {
    given(seat0OnTrack().sixes(2))
        .when(roll(3))
        .then(rolled(0, 3, 0))
        .then(seat0OnTrack().toMove(3).sixes(0));
  }

  @ParameterizedTest(name = "sixes {0} + a six")
  @ValueSource(ints = {0, 1})
  void whenASixIsRolled_thenTheCountGrowsByOne(int before) {
    given(seat0OnTrack().sixes(before))
        .when(roll(6))
        .then(rolled(0, 6, 0, 1, 2, 3))
        .then(seat0OnTrack().toMove(6).sixes(before + 1));
  }

  @Test
  void givenTwoSixes_whenTheThirdSixIsRolled_thenTheTurnEndsAtOnceWithoutAMove() {
    given(seat0OnTrack().sixes(2))
        .when(roll(6))
        .then(rolled(0, 6), passed(0, 2))
        .then(seat0OnTrack().current(2).sixes(0));
  }

  @Test
  void givenThreeSixesInOneTurn_thenTheMovesOfTheFirstTwoStand() {
    given(seats(0, 2))
        .when(roll(6), move(0), roll(6), move(0), roll(6))
        .then(rolled(0, 6), passed(0, 2))
        .then(seats(0, 2).tokens(0, 6, -1, -1, -1).current(2));
  }

  @Test
  void givenMaxSixesTwo_whenTheSecondSixIsRolled_thenTheTurnEnds() {
    given(seats(0, 2))
        .with(o -> o.withMaxSixes(2))
        .when(roll(6), move(0), roll(6))
        .then(rolled(0, 6), passed(0, 2))
        .then(seats(0, 2).tokens(0, 0, -1, -1, -1).current(2));
  }

  @Test
  void givenMaxSixesOne_thenEverySixEndsTheTurn() {
    given(seat0OnTrack())
        .with(o -> o.withMaxSixes(1))
        .when(roll(6))
        .then(rolled(0, 6), passed(0, 2))
        .then(seat0OnTrack().current(2));
  }

  @Test
  void givenMaxSixesFour_thenTheThirdSixKeepsTheTurnAndTheFourthEndsIt() {
    given(seat0OnTrack().sixes(2))
        .with(o -> o.withMaxSixes(4))
        .when(roll(6))
        .then(rolled(0, 6, 0, 1, 2, 3))
        .thenSixes(3);
    given(seat0OnTrack().sixes(3))
        .with(o -> o.withMaxSixes(4))
        .when(roll(6))
        .then(rolled(0, 6), passed(0, 2));
  }

  @Test
  void givenMaxSixesZero_thenThereIsNoLimit() {
    List<Command> eightSixes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      eightSixes.add(roll(6));
      eightSixes.add(move(0));
    }
    given(seats(0, 2))
        .with(o -> o.withMaxSixes(0))
        .when(eightSixes.toArray(Command[]::new))
        .then(seats(0, 2).tokens(0, 42, -1, -1, -1).sixes(8));
    given(seat0OnTrack().sixes(40))
        .with(o -> o.withMaxSixes(0))
        .when(roll(6))
        .then(rolled(0, 6, 0, 1, 2, 3))
        .thenSixes(41);
  }

  @Test
  void givenABonusRoll_thenTheCountIsKept_andResetWhenPlayPasses() {
    given(seat0OnTrack())
        .when(roll(6), move(0))
        .then(seats(0, 2).tokens(0, 16, -1, -1, -1).sixes(1));
    given(seat0OnTrack())
        .when(roll(6), move(0), roll(2), move(0))
        .then(seats(0, 2).tokens(0, 18, -1, -1, -1).current(2).sixes(0));
  }

  @Test
  void givenTheMovePhase_whenRolling_thenWrongPhase() {
    given(seat0OnTrack().toMove(3)).when(roll(4)).then(RuleError.WRONG_PHASE);
  }

  @ParameterizedTest(name = "die {0}")
  @ValueSource(ints = {-1, 0, 7, 100})
  void whenTheDieIsNotOneToSix_thenInvalidInput(int value) {
    given(seat0OnTrack()).when(roll(value)).then(RuleError.INVALID_INPUT);
  }

  @Test
  void givenTheMovePhase_whenRollingABadDie_thenTheWrongPhaseIsReportedFirst() {
    given(seat0OnTrack().toMove(3)).when(roll(7)).then(RuleError.WRONG_PHASE);
  }
}
