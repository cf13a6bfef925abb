package io.ludo.server.game;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Invite codes (API.md): 6 characters of an alphabet without 0/O/1/I, matched case-insensitively. */
public final class InviteCodes {
  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  public static final int LENGTH = 6;
  private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private InviteCodes() {}

  static String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /** The code as stored (upper case), or empty when {@code text} cannot be one: no game holds it. */
  public static Optional<String> normalize(String text) {
    if (text == null || text.length() != LENGTH) {
      return Optional.empty();
    }
    String upper = text.toUpperCase(Locale.ROOT);
    return SHAPE.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
  }
}
