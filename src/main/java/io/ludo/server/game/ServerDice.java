package io.ludo.server.game;

import io.ludo.game.Dice;
import io.ludo.game.FairDice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's dice: {@link FairDice} under a secret seed drawn per game from {@link SecureRandom}.
 * Test configuration ({@code LUDO_TEST_DICE}) may make them repeatable: {@code seed:N} derives each
 * game's server seed from N and the game id (still fair dice, verifiable like any other game);
 * {@code script:6,3,…} plays the same values in a loop, for every game (such games do not pass
 * verification). No API request can choose a roll or a server seed.
 */
public final class ServerDice {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CLIENT_SEED_BYTES = 16;

  private ServerDice() {}

  /** A new game's secret server seed. */
  public static byte[] newServerSeed(String gameId, String testDice) {
    if (testDice != null && testDice.startsWith("seed:")) {
      long n = Long.parseLong(testDice.substring(5).trim());
      return sha256("ludo-test-dice:" + n + ":" + gameId);
    }
    byte[] seed = new byte[FairDice.SEED_BYTES];
    RANDOM.nextBytes(seed);
    return seed;
  }

  /**
   * The dice of a game whose server seed is {@code serverSeed}; a game recorded before provably fair
   * dice has none and rolls from {@link SecureRandom}.
   */
  public static Dice forGame(byte[] serverSeed, String testDice) {
    if (testDice != null && testDice.startsWith("script:")) {
      int[] values = java.util.Arrays.stream(testDice.substring(7).split(","))
          .mapToInt(v -> Integer.parseInt(v.trim())).toArray();
      int[] next = {0};
      return (state, seq) -> values[next[0]++ % values.length];
    }
    if (testDice != null && !testDice.isBlank() && !testDice.startsWith("seed:")) {
      throw new IllegalArgumentException("test_dice must be seed:N or script:v,v,…");
    }
    if (serverSeed == null) {
      return (state, seq) -> 1 + RANDOM.nextInt(6);
    }
    return new FairDice(serverSeed);
  }

  /** The client seed a player gave, or one drawn for them (22 characters of base64url). */
  public static String clientSeed(String given) {
    if (given != null) {
      return given;
    }
    byte[] b = new byte[CLIENT_SEED_BYTES];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
