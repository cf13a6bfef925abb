package io.ludo.rules;

import static io.ludo.rules.PositionBuilder.seats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RULES.md "Canonical position": each reason a position is invalid, told by {@link
 * Rules#invalidity}; reasons that the Java types cannot even hold are refused by the constructors.
 * (Unknown option names and wrong JSON types are the codec's: see {@code io.ludo.json}.)
 */
class InvalidityTest {
  private static final Rules DEFAULT = new Rules(Options.DEFAULTS);

  private static Optional<String> invalidity(PositionBuilder p) {
    return DEFAULT.invalidity(p.build());
  }

  private static void assertInvalid(PositionBuilder p, String reason) {
    assertEquals(Optional.of(reason), invalidity(p));
  }

  @Test
  void validPositionsHaveNoInvalidity() {
    assertEquals(Optional.empty(), invalidity(seats(0, 2)));
    assertEquals(Optional.empty(), invalidity(seats(1, 2, 3).tokens(2, 5, 56, -1, 53).current(2).toMove(4).sixes(2)));
    assertEquals(Optional.empty(), invalidity(seats(0, 1).tokens(1, 56, 56, 56, 56).finished(1).current(1).over()));
    assertEquals(Optional.empty(), invalidity(seats(0, 1, 2, 3).tokens(3, 56, 56, 56, 56).finished(3).current(1)));
  }

  @Test
  void seatsMustBeTwoToFour() {
    assertInvalid(seats(0), "seats must be 2 to 4 seats");
    assertInvalid(seats(), "seats must be 2 to 4 seats");
    assertInvalid(seats(0, 1, 2, 3, 3), "seats must be 2 to 4 seats");
  }

  @Test
  void seatsMustBeAscendingDistinctSeatsZeroToThree() {
    assertInvalid(seats(2, 0), "seats must be ascending distinct seats 0..3");
    assertInvalid(seats(1, 1), "seats must be ascending distinct seats 0..3");
    assertInvalid(seats(0, 4), "seats must be ascending distinct seats 0..3");
    assertInvalid(seats(-1, 2).current(2), "seats must be ascending distinct seats 0..3");
  }

  /**
   * RULES.md: a position is invalid when "tokens does not match seats". JSON writes a seat that
   * does not play as null, so a Java position holding tokens there could not round-trip.
   */
  @Test
  void tokensOfASeatThatDoesNotPlayMustStayInTheYard() {
    Position p = new Position(List.of(0, 2),
        Tokens.of(new int[][] {{-1, -1, -1, -1}, {5, -1, -1, -1}, {-1, -1, -1, -1}, null}),
        0, Phase.ROLL, Position.NO_DICE, 0, List.of(), Position.NO_WINNER);
    assertEquals(Optional.of("tokens must match seats"), DEFAULT.invalidity(p));
  }

  /** RULES.md: a position is invalid when tokens hold "a progress outside −1..56"; no Tokens may. */
  @ParameterizedTest(name = "progress {0}")
  @ValueSource(ints = {-2, 57, 100, 200})
  void tokensMayNotHoldAProgressOutsideMinusOneTo56(int progress) {
    assertThrows(IllegalArgumentException.class, () -> seats(0, 2).tokens(0, 0, progress, 0, 0).build());
    assertThrows(IllegalArgumentException.class, () -> Tokens.allInYard().with(0, 0, progress));
  }

  @Test
  void tokensMustHoldFourRowsOfFour() {
    assertThrows(IllegalArgumentException.class, () -> Tokens.of(new int[3][4]));
    int[][] shortRow = new int[4][];
    shortRow[0] = new int[] {-1, -1, -1};
    assertThrows(IllegalArgumentException.class, () -> Tokens.of(shortRow));
  }

  @Test
  void thePhaseMustBeKnown() {
    // ROLL, MOVE and FINISHED are the only Phase values; a missing phase is refused.
    assertEquals(List.of("ROLL", "MOVE", "FINISHED"), Arrays.stream(Phase.values()).map(Enum::name).toList());
    assertThrows(NullPointerException.class, () -> seats(0, 2).phase(null).build());
  }

  @Test
  void currentMustBeASeatStillPlaying() {
    assertInvalid(seats(0, 2).current(1), "current must be a seat still playing");
    assertInvalid(seats(0, 2).current(7), "current must be a seat still playing");
    assertInvalid(seats(0, 1, 2).tokens(1, 56, 56, 56, 56).finished(1).current(1),
        "current must be a seat still playing");
    assertInvalid(seats(0, 1, 2).tokens(1, 56, 56, 56, 56).finished(1).current(1).toMove(3),
        "current must be a seat still playing");
  }

  @Test
  void onceFinished_currentMayBeAFinishedSeat_butMustBeASeat() {
    assertEquals(Optional.empty(), invalidity(seats(0, 2).tokens(2, 56, 56, 56, 56).finished(2).current(2).over()));
    assertInvalid(seats(0, 2).tokens(2, 56, 56, 56, 56).finished(2).current(3).over(),
        "current must be a seat still playing");
  }

  @Test
  void diceIsSetExactlyInMove() {
    assertInvalid(seats(0, 2).phase(Phase.MOVE), "dice is set exactly in MOVE");
    assertInvalid(seats(0, 2).dice(3), "dice is set exactly in MOVE");
    assertInvalid(seats(0, 2).tokens(2, 56, 56, 56, 56).finished(2).over().dice(6), "dice is set exactly in MOVE");
  }

  @ParameterizedTest(name = "dice {0}")
  @ValueSource(ints = {-1, 7, 12})
  void diceMustBeOneToSix(int dice) {
    assertInvalid(seats(0, 2).toMove(dice), "dice must be 1..6");
  }

  @Test
  void sixesMustNotBeNegative() {
    assertInvalid(seats(0, 2).sixes(-1), "sixes must be 0 or more and below maxSixes");
  }

  @Test
  void sixesMustBeBelowMaxSixes_unlessMaxSixesIsZero() {
    assertInvalid(seats(0, 2).sixes(3), "sixes must be 0 or more and below maxSixes");
    assertEquals(Optional.empty(), invalidity(seats(0, 2).sixes(2)));
    Rules maxOne = new Rules(Options.DEFAULTS.withMaxSixes(1));
    assertEquals(Optional.of("sixes must be 0 or more and below maxSixes"), maxOne.invalidity(seats(0, 2).sixes(1).build()));
    assertEquals(Optional.empty(), maxOne.invalidity(seats(0, 2).build()));
    Rules noLimit = new Rules(Options.DEFAULTS.withMaxSixes(0));
    assertEquals(Optional.empty(), noLimit.invalidity(seats(0, 2).sixes(99).build()));
  }

  @Test
  void finishedMustNameDistinctSeatsOfTheGame() {
    assertInvalid(seats(0, 1, 2).tokens(2, 56, 56, 56, 56).finished(2, 2), "finished must name distinct seats of the game");
    assertInvalid(seats(0, 2).finished(1), "finished must name distinct seats of the game");
  }

  @Test
  void optionsMustBeInRange() {
    Options d = Options.DEFAULTS;
    assertThrows(IllegalArgumentException.class, () -> d.withExitValues(List.of(0)));
    assertThrows(IllegalArgumentException.class, () -> d.withExitValues(List.of(6, 7)));
    assertThrows(IllegalArgumentException.class, () -> d.withExitValues(Arrays.asList(6, null)));
    assertThrows(IllegalArgumentException.class, () -> d.withSafeSquares(List.of(52)));
    assertThrows(IllegalArgumentException.class, () -> d.withSafeSquares(List.of(-1)));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxSixes(-1));
    assertThrows(NullPointerException.class, () -> d.withEndCondition(null));
    assertThrows(NullPointerException.class, () -> d.withExitValues(null));
  }

  @Test
  void optionListsAreKeptSortedAndDistinct() {
    assertEquals(List.of(1, 6), Options.DEFAULTS.withExitValues(List.of(6, 1, 6)).exitValues());
    assertEquals(List.of(8, 31), Options.DEFAULTS.withSafeSquares(List.of(31, 8, 31)).safeSquares());
  }
}
