package io.ludo.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.game.GameEvent.Play;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.rules.RuleEvent.DiceRolled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The dice derivation of docs/FAIRNESS.md, against fixed vectors and an independent reference. */
class FairDiceTest {
  /** The bytes 0x00, 0x01, …, 0x1f. */
  private static final byte[] SEED = new byte[32];

  static {
    for (int i = 0; i < SEED.length; i++) {
      SEED[i] = (byte) i;
    }
  }

  @Test
  void givenFixedSeeds_whenRolled_thenTheValuesAreThoseComputedWithPython() {
    // python3: hmac.new(bytes(range(32)), f"{C}:{n}".encode(), hashlib.sha256), first byte < 252, % 6 + 1
    assertEquals(List.of(6, 3, 1, 6, 3, 5, 5, 4, 3, 1, 1, 4, 5, 2, 4, 1, 5, 4, 1, 1), rolls(SEED, "alice|bob", 20));
    assertEquals(List.of(2, 6, 1, 6, 2, 5, 6, 6, 3, 2, 3, 3, 3, 6, 6, 4, 4, 5, 6, 6), rolls(SEED, "a-1|B_2|c3|d4", 20));
    byte[] ones = HexFormat.of().parseHex("ff".repeat(32));
    assertEquals(List.of(2, 2, 4, 6, 6, 5, 6, 6, 6, 3), rolls(ones, "x|y", 10));
  }

  @Test
  void givenBytesOf252OrMore_whenRolled_thenTheyAreSkippedSoThatNoFaceIsFavoured() {
    // HMAC(SEED, "alice|bob:60") starts fd a1: 0xa1 = 161 -> 6; ":107" starts fd fc ad -> 173 -> 6; ":109" fd 01 -> 2
    assertEquals(6, FairDice.roll(SEED, "alice|bob", 60));
    assertEquals(6, FairDice.roll(SEED, "alice|bob", 107));
    assertEquals(2, FairDice.roll(SEED, "alice|bob", 109));
    for (int n = 1; n <= 2000; n++) {
      assertEquals(reference(SEED, "alice|bob", n), FairDice.roll(SEED, "alice|bob", n), "roll " + n);
    }
  }

  @Test
  void givenASeed_whenCommitted_thenTheCommitmentIsItsSha256() {
    assertEquals("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", FairDice.commitment(SEED));
  }

  @Test
  void givenClientSeeds_whenChecked_thenOnly1To64OfTheUrlSafeAlphabetPass() {
    assertTrue(FairDice.isClientSeed("Az09_-"));
    assertTrue(FairDice.isClientSeed("x".repeat(64)));
    assertFalse(FairDice.isClientSeed(""));
    assertFalse(FairDice.isClientSeed("x".repeat(65)));
    assertFalse(FairDice.isClientSeed("a|b"));
    assertFalse(FairDice.isClientSeed("a:b"));
  }

  @Test
  void givenARoomWithFairDice_whenPlayed_thenTheNthRollIsRollNOfTheSeatsClientSeedsInSeatOrder() {
    // Bob (seat 2) joins before... seat order decides C, not the order of joining
    List<GameEvent> log = new ArrayList<>(Game.create("g1", "room", 2, Options.DEFAULTS, "ann", "Ann",
        FairDice.commitment(SEED), "ann-seed"));
    GameState s = Game.fold(log);
    s = accept(s, new GameCommand.Join("bob", "Bob", "bob-seed"));
    assertEquals("ann-seed|bob-seed", s.diceKey());
    assertEquals(FairDice.commitment(SEED), s.serverSeedHash());
    FairDice dice = new FairDice(SEED);
    List<Integer> rolled = new ArrayList<>();
    while (rolled.size() < 30 && s.status() == Status.PLAYING) {
      String who = s.playerAt(s.position().current()).orElseThrow().playerId();
      GameCommand c = s.position().phase() == Phase.ROLL ? new GameCommand.Roll(who)
          : new GameCommand.Move(who, s.legalMoves().get(0), 0);
      Outcome.Accepted a = assertInstanceOf(Outcome.Accepted.class, Game.decide(s, c, dice));
      for (GameEvent e : a.events()) {
        if (e instanceof Play p && p.event() instanceof DiceRolled d) {
          rolled.add(d.value());
        }
        s = Game.evolve(s, e);
      }
    }
    assertEquals(rolled.size(), s.rolls());
    assertEquals(IntStream.rangeClosed(1, rolled.size()).mapToObj(n -> reference(SEED, "ann-seed|bob-seed", n)).toList(),
        rolled);
  }

  private static GameState accept(GameState s, GameCommand c) {
    for (GameEvent e : assertInstanceOf(Outcome.Accepted.class, Game.decide(s, c, (st, seq) -> 6)).events()) {
      s = Game.evolve(s, e);
    }
    return s;
  }

  private static List<Integer> rolls(byte[] seed, String c, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(n -> FairDice.roll(seed, c, n)).toList();
  }

  /** The derivation written out again, independently of {@link FairDice}. */
  private static int reference(byte[] seed, String c, int n) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(seed, "HmacSHA256"));
      for (int suffix = 0; ; suffix++) {
        byte[] h = mac.doFinal((c + ":" + n + (suffix > 0 ? ":" + suffix : "")).getBytes(StandardCharsets.UTF_8));
        for (byte b : h) {
          if (Byte.toUnsignedInt(b) < 252) {
            return Byte.toUnsignedInt(b) % 6 + 1;
          }
        }
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
