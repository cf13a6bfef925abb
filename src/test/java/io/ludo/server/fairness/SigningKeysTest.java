package io.ludo.server.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.verify.Ed25519;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where certificate keys come from: configuration with rotation, or a development key every node derives alike. */
class SigningKeysTest {
  private static final String LAST_HASH = "ab".repeat(32);

  private static String newPkcs8() throws Exception {
    return Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
  }

  private static Config config(Map<String, String> env) throws Exception {
    return Config.load(Path.of("no-such-config.json"), env);
  }

  @Test
  void givenTwoConfiguredKeys_whenRotated_thenTheFirstSignsAndBothArePublished() throws Exception {
    String current = newPkcs8();
    String retired = newPkcs8();
    JsonArray keys = new JsonArray()
        .add(new JsonObject().put("kid", "2026-11").put("private_key", current))
        .add(new JsonObject().put("kid", "2026-05").put("private_key", retired));
    SigningKeys signing = SigningKeys.from(config(Map.of(ConfigKey.SIGNING_KEYS.env(), keys.encode())));

    assertFalse(signing.isDevelopment());
    JsonObject certificate = signing.certificate("g1", 42, LAST_HASH);
    assertEquals("2026-11", certificate.getString("key_id"));
    JsonArray published = signing.jwks().getJsonArray("keys");
    assertEquals(2, published.size());
    assertEquals("2026-11", published.getJsonObject(0).getString("kid"));
    assertEquals("2026-05", published.getJsonObject(1).getString("kid"));
    JsonObject jwk = published.getJsonObject(0);
    assertEquals("OKP", jwk.getString("kty"));
    assertEquals("Ed25519", jwk.getString("crv"));
    assertEquals("sig", jwk.getString("use"));
    assertEquals("EdDSA", jwk.getString("alg"));
    assertTrue(Ed25519.verify(Ed25519.publicKey(Base64.getUrlDecoder().decode(jwk.getString("x"))),
        HexFormat.of().parseHex(LAST_HASH), Base64.getUrlDecoder().decode(certificate.getString("signature"))));
    assertFalse(certificate.getString("signature").contains("="), "base64url without padding");

    // a certificate from before the rotation still checks against the retired key it names
    SigningKeys before = SigningKeys.from(config(Map.of(ConfigKey.SIGNING_KEYS.env(), "2026-05:" + retired)));
    JsonObject old = before.certificate("g0", 7, LAST_HASH);
    assertEquals("2026-05", old.getString("key_id"));
    assertTrue(Ed25519.verify(Ed25519.publicKey(Base64.getUrlDecoder().decode(published.getJsonObject(1).getString("x"))),
        HexFormat.of().parseHex(LAST_HASH), Base64.getUrlDecoder().decode(old.getString("signature"))));
  }

  @Test
  void givenNoKeys_whenTwoNodesShareAJwtKey_thenTheyDeriveTheSameDevelopmentKey() throws Exception {
    SigningKeys a = SigningKeys.from(config(Map.of(ConfigKey.JWT_KEY.env(), "shared-secret-shared-secret-shared-secret")));
    SigningKeys b = SigningKeys.from(config(Map.of(ConfigKey.JWT_KEY.env(), "shared-secret-shared-secret-shared-secret")));
    SigningKeys other = SigningKeys.from(config(Map.of(ConfigKey.JWT_KEY.env(), "another-secret-another-secret-another-secret")));
    assertTrue(a.isDevelopment());
    assertEquals(a.jwks(), b.jwks());
    assertEquals(a.certificate("g", 1, LAST_HASH), b.certificate("g", 1, LAST_HASH), "Ed25519 signatures are deterministic");
    assertNotEquals(a.jwks(), other.jwks());
    assertTrue(a.active().kid().startsWith("dev-"));
  }

  @Test
  void givenAMalformedKey_whenLoaded_thenTheNodeRefusesToStart() {
    assertThrows(IllegalArgumentException.class,
        () -> SigningKeys.from(config(Map.of(ConfigKey.SIGNING_KEYS.env(), "k1:" + Base64.getEncoder().encodeToString(new byte[48])))));
    assertThrows(IllegalArgumentException.class,
        () -> SigningKeys.from(config(Map.of(ConfigKey.SIGNING_KEYS.env(), "[{\"kid\":\"k1\"}]"))));
  }
}
