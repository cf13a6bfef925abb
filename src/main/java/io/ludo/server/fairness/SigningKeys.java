package io.ludo.server.fairness;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.verify.Ed25519;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The Ed25519 keys that sign finished games' records ({@code GET /games/{id}/certificate}) and
 * their public halves ({@code GET /.well-known/jwks.json}). From {@link ConfigKey#SIGNING_KEYS}:
 * the active key first, older ones after it, so that a rotation keeps old certificates checkable.
 * Without any, a development key derived from the JWT key: the same on every node that shares it.
 */
public final class SigningKeys {
  /** One key: {@code kid} names it in certificates and in the JWKS. */
  public record Key(String kid, KeyPair pair) {}

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private final List<Key> keys;
  private final boolean development;

  private SigningKeys(List<Key> keys, boolean development) {
    this.keys = List.copyOf(keys);
    this.development = development;
  }

  public static SigningKeys of(List<Key> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one signing key");
    }
    return new SigningKeys(keys, false);
  }

  /**
   * The configured keys: a JSON array of {@code {"kid","private_key"}} (PKCS#8 DER, base64), or
   * the same as text, or {@code kid:base64,kid:base64}. Fails on a malformed key.
   */
  public static SigningKeys from(Config config) {
    List<Key> keys = new ArrayList<>();
    for (Object entry : entries(config)) {
      String kid;
      String pkcs8;
      if (entry instanceof JsonObject o) {
        kid = o.getString("kid");
        pkcs8 = o.getString("private_key");
      } else {
        String text = String.valueOf(entry).trim();
        int colon = text.indexOf(':');
        kid = colon < 0 ? null : text.substring(0, colon);
        pkcs8 = colon < 0 ? null : text.substring(colon + 1);
      }
      if (kid == null || kid.isBlank() || pkcs8 == null) {
        throw new IllegalArgumentException("signing_keys: each key needs a kid and a private_key");
      }
      keys.add(new Key(kid, Ed25519.fromPkcs8(Base64.getMimeDecoder().decode(pkcs8.trim()))));
    }
    if (!keys.isEmpty()) {
      return new SigningKeys(keys, false);
    }
    KeyPair dev = Ed25519.fromSeed(sha256("ludo-development-signing-key\n" + config.string(ConfigKey.JWT_KEY)));
    String kid = "dev-" + HexFormat.of().formatHex(sha256(BASE64URL.encodeToString(Ed25519.raw(dev.getPublic())))).substring(0, 12);
    return new SigningKeys(List.of(new Key(kid, dev)), true);
  }

  private static JsonArray entries(Config config) {
    Object raw = config.toJson().getValue(ConfigKey.SIGNING_KEYS.key());
    if (raw instanceof JsonArray a) {
      return a;
    }
    String text = raw == null ? "" : String.valueOf(raw).trim();
    if (text.startsWith("[")) {
      return new JsonArray(text);
    }
    return config.list(ConfigKey.SIGNING_KEYS);
  }

  /** True when no key was configured and a development key stands in. */
  public boolean isDevelopment() {
    return development;
  }

  public Key active() {
    return keys.get(0);
  }

  /** {@code {"game_id","last_seq","last_hash","signature","key_id"}}: the active key's signature over the 32 bytes of {@code lastHash}. */
  public JsonObject certificate(String gameId, int lastSeq, String lastHash) {
    byte[] signature = Ed25519.sign(active().pair().getPrivate(), HexFormat.of().parseHex(lastHash));
    return new JsonObject().put("game_id", gameId).put("last_seq", lastSeq).put("last_hash", lastHash)
        .put("signature", BASE64URL.encodeToString(signature)).put("key_id", active().kid());
  }

  /** Every key's public half as an OKP JWK (RFC 8037), the active one first. */
  public JsonObject jwks() {
    JsonArray out = new JsonArray();
    for (Key k : keys) {
      out.add(new JsonObject().put("kty", "OKP").put("crv", "Ed25519")
          .put("x", BASE64URL.encodeToString(Ed25519.raw(k.pair().getPublic())))
          .put("kid", k.kid()).put("use", "sig").put("alg", "EdDSA"));
    }
    return new JsonObject().put("keys", out);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
