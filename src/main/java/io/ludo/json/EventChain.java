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
   * Seals {@code event} in place and returns its text: the canonical form the hash was taken of,
   * with the {@code hash} member in its sorted place. One canonical pass makes both what is hashed
   * and what is stored and sent, so an event is never encoded a second time.
   */
  public static String sealedText(String prevHash, JsonObject event) {
    event.remove(HASH);
    event.put(PREV_HASH, prevHash);
    StringBuilder out = new StringBuilder(prevHash.length() + 320).append(prevHash);
    int start = out.length();
    Jcs.Slot slot = Jcs.writeObjectWithSlot(out, event.getMap(), HASH);
    String hash = sha256Hex(out.toString().getBytes(StandardCharsets.UTF_8));
    event.put(HASH, hash);
    String member = "\"" + HASH + "\":\"" + hash + "\"";
    out.insert(slot.offset(), slot.afterAnother() ? "," + member : slot.beforeAnother() ? member + "," : member);
    return out.substring(start);
  }

  /** What the {@code hash} of {@code event} (with its {@code prev_hash}) must be. */
  public static String hashOf(JsonObject event) {
    JsonObject unhashed = event.copy();
    unhashed.remove(HASH);
    Object prev = unhashed.getValue(PREV_HASH);
    String text = (prev instanceof String s ? s : String.valueOf(prev)) + Jcs.canonicalize(unhashed);
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** One digest per thread: looking a provider up for every event was 1.5 % of a loaded node's CPU. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  });

  public static String sha256Hex(byte[] bytes) {
    // digest() resets the instance for its next use
    return HexFormat.of().formatHex(SHA_256.get().digest(bytes));
  }
}
