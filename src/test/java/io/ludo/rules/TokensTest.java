package io.ludo.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The packed token store: every progress −1..56 of every seat and token reads back as written. */
class TokensTest {

  @Test
  void everyProgressOfEveryTokenReadsBackAndLeavesTheOthersAlone() {
    for (int seat = 0; seat < Board.SEATS; seat++) {
      for (int token = 0; token < Board.TOKENS; token++) {
        for (int progress = Board.YARD; progress <= Board.HOME; progress++) {
          Tokens t = Tokens.allInYard().with(seat, token, progress);
          for (int s = 0; s < Board.SEATS; s++) {
            for (int k = 0; k < Board.TOKENS; k++) {
              assertEquals(s == seat && k == token ? progress : Board.YARD, t.progress(s, k));
            }
          }
        }
      }
    }
  }

  @Test
  void ofAndWithAgree_andEqualTokensHaveEqualHashes() {
    int[][] rows = {{-1, 0, 50, 56}, null, {51, 55, 13, -1}, {56, 56, 56, 12}};
    Tokens of = Tokens.of(rows);
    Tokens with = Tokens.allInYard()
        .with(0, 1, 0).with(0, 2, 50).with(0, 3, 56)
        .with(2, 0, 51).with(2, 1, 55).with(2, 2, 13)
        .with(3, 0, 56).with(3, 1, 56).with(3, 2, 56).with(3, 3, 12);
    assertEquals(of, with);
    assertEquals(of.hashCode(), with.hashCode());
    assertEquals("[[-1, 0, 50, 56], [-1, -1, -1, -1], [51, 55, 13, -1], [56, 56, 56, 12]]", of.toString());
    assertNotEquals(of, of.with(3, 3, 13));
  }

  @Test
  void aMoveSetsTheMoverAndSendsTheCapturedHome() {
    Tokens before = Tokens.of(new int[][] {{10, -1, -1, -1}, {5, 7, -1, -1}, {40, -1, -1, -1}, {3, -1, -1, 20}});
    Tokens after = before.moved(new RuleEvent.TokenMoved(0, 0, 10, 12, List.of(
        new RuleEvent.Capture(2, 0, 40), new RuleEvent.Capture(3, 3, 20))));
    assertEquals(Tokens.of(new int[][] {{12, -1, -1, -1}, {5, 7, -1, -1}, {-1, -1, -1, -1}, {3, -1, -1, -1}}), after);
  }

  @Test
  void anIndexOutsideTheSixteenTokensIsRefused() {
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> Tokens.allInYard().progress(4, 0));
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> Tokens.allInYard().progress(0, -1));
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> Tokens.allInYard().with(-1, 0, 3));
  }
}
