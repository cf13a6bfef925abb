package io.ludo.server.auth;

import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * Seat tokens: HS256 JWTs naming the game, the player and the seat, with an expiry, issued by
 * {@link #ISSUER} for {@link #AUDIENCE}; a token of another issuer or audience is refused even
 * when its signature holds (a key shared with another service must not open seats).
 */
public final class SeatTokens {
  public static final String ISSUER = "ludo-server";
  public static final String AUDIENCE = "ludo-seat";
  /** The shortest HS256 key accepted: RFC 7518 asks for a key at least as long as the hash (256 bits). */
  public static final int MIN_KEY_BYTES = 32;
  private final JWTAuth jwt;
  private final int ttlSeconds;

  public SeatTokens(Vertx vertx, String key, int ttlSeconds) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(java.util.List.of(AUDIENCE))));
    this.ttlSeconds = ttlSeconds;
  }

  /** Why {@code key} cannot sign seat tokens, or null when it can. */
  public static String keyProblem(String key) {
    int bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    return bytes < MIN_KEY_BYTES
        ? "must be at least " + MIN_KEY_BYTES + " bytes (it has " + bytes + "); e.g. openssl rand -base64 48"
        : null;
  }

  public String issue(String gameId, String playerId, int seat) {
    return jwt.generateToken(
        new JsonObject().put("sub", playerId).put("game_id", gameId).put("seat", seat),
        new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(ttlSeconds)
            .setIssuer(ISSUER).setAudience(java.util.List.of(AUDIENCE)));
  }

  /** A fresh token for the seat {@code claims} name: a client renews its seat before the old token runs out. */
  public String renew(SeatClaims claims) {
    return issue(claims.gameId(), claims.playerId(), claims.seat());
  }

  public int ttlSeconds() {
    return ttlSeconds;
  }

  /** The claims of a valid token; fails with UNAUTHORIZED for a missing, forged or expired one. */
  public Future<SeatClaims> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new ApiException(ErrorCode.UNAUTHORIZED, "a seat token is required"));
    }
    return jwt.authenticate(new TokenCredentials(token))
        .transform(ar -> {
          if (ar.failed()) {
            return Future.failedFuture(new ApiException(ErrorCode.UNAUTHORIZED, "invalid or expired token"));
          }
          JsonObject p = ar.result().principal();
          // the library moves exp (checked already) from the claims to the user's attributes
          Object expiry = ar.result().attributes().getValue("exp", p.getValue("exp"));
          if (!(p.getValue("game_id") instanceof String game) || !(p.getValue("sub") instanceof String player)
              || !(p.getValue("seat") instanceof Number seat) || !(expiry instanceof Number exp)) {
            return Future.failedFuture(new ApiException(ErrorCode.UNAUTHORIZED, "not a seat token"));
          }
          return Future.succeededFuture(new SeatClaims(game, player, seat.intValue(), exp.longValue()));
        });
  }

  /** The claims of {@code token} if it is for {@code gameId}; FORBIDDEN for another game's token. */
  public Future<SeatClaims> verifyFor(String token, String gameId) {
    return verify(token).compose(c -> c.gameId().equals(gameId)
        ? Future.succeededFuture(c)
        : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "this token is for another game")));
  }
}
