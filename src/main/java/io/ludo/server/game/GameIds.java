package io.ludo.server.game;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one shape of a game id: 16 lowercase hex digits (8 random bytes), made only here. A name of
 * any other shape names no game, and the edges answer it without asking anyone.
 */
public final class GameIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 8;
  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{" + 2 * BYTES + "}");

  private GameIds() {}

  public static String next() {
    byte[] b = new byte[BYTES];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Whether {@code id} has the shape of an id this server makes (whether the game exists is another matter). */
  public static boolean wellFormed(String id) {
    return id != null && SHAPE.matcher(id).matches();
  }
}
