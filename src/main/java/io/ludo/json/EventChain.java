package io.ludo.json;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The hash chain of a game's record (docs/FAIRNESS.md): every event carries {@code prev_hash},
 * the {@code hash} of the event before it (64 zeros for the first), and its own {@code hash}, the
 * lowercase hex SHA-256 of the UTF-8 bytes of {@code prev_hash} followed by the event's RFC 8785
 * canonical JSON ({@link Jcs}) without its {@code hash} field. Changing any byte of any event
 * changes every hash from there on.
 */
public final class EventChain {
  public static final String PREV_HASH = "prev_hash";
  public static final String HASH = "hash";
  /** The {@code prev_hash} of a game's first event. */
  public static final String GENESIS = "0".repeat(64);

  private EventChain() {}

  /** {@code event} with its {@code prev_hash} and {@code hash} set, following {@code prevHash}. */
  public static JsonObject seal(String prevHash, JsonObject event) {
    JsonObject sealed = event.copy();
    sealed.remove(HASH);
    sealed.put(PREV_HASH, prevHash);
    return sealed.put(HASH, hashOf(sealed));
  }

  /**
   * As {@link #seal}, on an event made for this and not shared yet: sealed in place, without the
   * two copies (the room seals every event it records, on its hot path).
   */
  public static JsonObject sealInPlace(String prevHash, JsonObject event) {
    event.remove(HASH);
    event.put(PREV_HASH, prevHash);
    String text = prevHash + Jcs.canonicalize(event);
    return event.put(HASH, sha256Hex(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** What the {@code hash} of {@code event} (with its {@code prev_hash}) must be. */
  public static String hashOf(JsonObject event) {
    JsonObject unhashed = event.copy();
    unhashed.remove(HASH);
    Object prev = unhashed.getValue(PREV_HASH);
    String text = (prev instanceof String s ? s : String.valueOf(prev)) + Jcs.canonicalize(unhashed);
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
