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

/** Seat tokens: HS256 JWTs naming the game, the player and the seat, with an expiry. */
public final class SeatTokens {
  private final JWTAuth jwt;
  private final int ttlSeconds;

  public SeatTokens(Vertx vertx, String key, int ttlSeconds) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key)));
    this.ttlSeconds = ttlSeconds;
  }

  public String issue(String gameId, String playerId, int seat) {
    return jwt.generateToken(
        new JsonObject().put("sub", playerId).put("game_id", gameId).put("seat", seat),
        new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(ttlSeconds));
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
          if (!(p.getValue("game_id") instanceof String game) || !(p.getValue("sub") instanceof String player)
              || !(p.getValue("seat") instanceof Number seat)) {
            return Future.failedFuture(new ApiException(ErrorCode.UNAUTHORIZED, "not a seat token"));
          }
          return Future.succeededFuture(new SeatClaims(game, player, seat.intValue()));
        });
  }

  /** The claims of {@code token} if it is for {@code gameId}; FORBIDDEN for another game's token. */
  public Future<SeatClaims> verifyFor(String token, String gameId) {
    return verify(token).compose(c -> c.gameId().equals(gameId)
        ? Future.succeededFuture(c)
        : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "this token is for another game")));
  }
}
