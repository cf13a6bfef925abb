package io.ludo.game;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Provably fair dice, {@value #ALGORITHM} (docs/FAIRNESS.md): the room commits to a secret
 * {@code server_seed} by publishing its SHA-256 at creation and reveals it at the end; the n-th
 * roll of the room is the first byte {@code b < 252} of {@code HMAC-SHA256(server_seed, C + ":" + n)}
 * as {@code b mod 6 + 1}, where {@code C} is the client seeds of the seats at the start, in seat
 * order, joined with "|". Should all 32 bytes be 252 or more, {@code C + ":" + n + ":1"} is
 * tried the same way, then {@code ":2"}, and so on.
 */
public final class FairDice implements Dice {
  public static final String ALGORITHM = "ludo-hmac-sha256-v1";
  /** Bytes of a server seed. */
  public static final int SEED_BYTES = 32;
  /** What a client seed may be. */
  public static final Pattern CLIENT_SEED = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  /** The largest multiple of 6 that a byte can reach: bytes from here on would favour 1–4. */
  private static final int UNBIASED_BOUND = 252;

  private final byte[] serverSeed;

  /** One instance per thread, keyed again for each roll: a provider look-up per roll showed in profiles. */
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  });

  public FairDice(byte[] serverSeed) {
    this.serverSeed = serverSeed.clone();
  }

  /** The n-th roll of the room whose state is {@code state}: n counts its rolls, from 1. */
  @Override
  public int roll(GameState state, int seq) {
    return roll(serverSeed, state.diceKey(), state.rolls() + 1);
  }

  /** The value 1–6 of roll {@code n} (from 1) under {@code serverSeed} and {@code diceKey} ("C"). */
  public static int roll(byte[] serverSeed, String diceKey, int n) {
    try {
      Mac mac = HMAC.get();
      mac.init(new SecretKeySpec(serverSeed, "HmacSHA256"));
      for (int attempt = 0; ; attempt++) {
        String message = diceKey + ":" + n + (attempt == 0 ? "" : ":" + attempt);
        for (byte b : mac.doFinal(message.getBytes(StandardCharsets.UTF_8))) {
          int value = b & 0xff;
          if (value < UNBIASED_BOUND) {
            return value % 6 + 1;
          }
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** "C": the client seeds of the seats at the start, in ascending seat order, joined with "|". */
  public static String diceKey(List<String> clientSeedsInSeatOrder) {
    return String.join("|", clientSeedsInSeatOrder);
  }

  /**
   * A bot's client seed: fixed by its seat, so that the server, which knows its own seed, cannot
   * pick bots' seeds to shape the dice.
   */
  public static String botSeed(int seat) {
    return "bot-" + seat;
  }

  /** The public commitment to a server seed: the lowercase hex SHA-256 of its bytes. */
  public static String commitment(byte[] serverSeed) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(serverSeed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static boolean isClientSeed(String s) {
    return s != null && CLIENT_SEED.matcher(s).matches();
  }
}
