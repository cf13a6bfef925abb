package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ludo.rules.Phase;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.auth.StoredJwtKey;
import io.ludo.server.config.Config;
import io.ludo.server.config.ConfigKey;
import io.ludo.server.config.ConfigException;
import io.ludo.server.fairness.SigningKeys;
import io.ludo.server.infra.EmbeddedServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys behind seats: a node with no configured key keeps the one it generated (owner-only,
 * in its data directory) across restarts; a short key is refused at start; a token of another
 * issuer or audience opens no seat.
 */
@ExtendWith(VertxExtension.class)
class SeatKeysTest {

  /** A test node's settings with no LUDO_JWT_KEY, its data under {@code dataDir}. */
  private static Config withoutKey(Path dataDir) {
    return TestNodes.config(Map.of(ConfigKey.JWT_KEY, "", ConfigKey.DATA_DIR, dataDir.toString()));
  }

  @Test
  void aGeneratedKeyIsKeptOwnerOnlyAndReadBackByTheNextStart(@TempDir Path dataDir) throws Exception {
    Config first = Node.resolve(withoutKey(dataDir), new EmbeddedServices());
    Config second = Node.resolve(withoutKey(dataDir), new EmbeddedServices());
    assertEquals(first.string(ConfigKey.JWT_KEY), second.string(ConfigKey.JWT_KEY));
    assertTrue(first.string(ConfigKey.JWT_KEY).length() >= SeatTokens.MIN_KEY_BYTES);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(StoredJwtKey.file(dataDir))));
    assertEquals(SigningKeys.from(first).jwks(), SigningKeys.from(second).jwks(),
        "certificates signed before the restart verify against the keys published after it");
  }

  @Test
  void aKeyShorterThan32BytesStopsTheNodeWithOneLineNamingTheVariable() {
    Config weak = TestNodes.config(Map.of(ConfigKey.JWT_KEY, "five!"));
    ConfigException refused = assertThrows(ConfigException.class,
        () -> Node.resolve(weak, new EmbeddedServices()));
    assertTrue(refused.getMessage().startsWith("LUDO_JWT_KEY "), refused.getMessage());
    assertTrue(!refused.getMessage().contains("\n"), "one line");
  }

  @Test
  void aTokenSurvivesARestartOfANodeWithoutAConfiguredKey(@TempDir Path dataDir, VertxTestContext test) throws Exception {
    Vertx first = Vertx.vertx();
    Vertx second = Vertx.vertx();
    Config before = Node.resolve(withoutKey(dataDir), new EmbeddedServices());
    Config after = Node.resolve(withoutKey(dataDir), new EmbeddedServices());
    TestNodes.halfPlayedThenClosed(first, second, before, 10)
        .compose(halfPlayed -> Node.start(second, after).compose(node -> {
          ApiClient api = new ApiClient(second, node.httpPort());
          // the tokens issued before the restart play the game to its end after it
          return RestGame.resume(api, halfPlayed).compose(game -> game.play(20_000).map(p -> {
            test.verify(() -> assertEquals(Phase.FINISHED, game.local.phase()));
            return null;
          }));
        }))
        .onComplete(ar -> {
          test.<Void>succeedingThenComplete().handle(ar.mapEmpty());
          second.close();
        });
  }

  @Test
  void aTokenOfAnotherIssuerOrAudienceIsRefusedThoughItsSignatureHolds(Vertx vertx, VertxTestContext test) {
    SeatTokens tokens = new SeatTokens(vertx, TestNodes.JWT_KEY, 60);
    JWTAuth sameKey = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(TestNodes.JWT_KEY)));
    JsonObject claims = new JsonObject().put("sub", "p_1").put("game_id", "g_1").put("seat", 0);
    String noIssuer = sameKey.generateToken(claims, new JWTOptions().setExpiresInSeconds(60));
    String otherAudience = sameKey.generateToken(claims, new JWTOptions().setExpiresInSeconds(60)
        .setIssuer(SeatTokens.ISSUER).setAudience(List.of("another-service")));
    String ours = tokens.issue("g_1", "p_1", 0);
    tokens.verify(ours)
        .compose(ok -> tokens.verify(noIssuer).transform(ar -> {
          test.verify(() -> assertTrue(ar.failed(), "a token without iss/aud"));
          return tokens.verify(otherAudience);
        }))
        .onComplete(ar -> {
          test.verify(() -> assertTrue(ar.failed(), "a token for another audience"));
          test.completeNow();
        });
  }
}
