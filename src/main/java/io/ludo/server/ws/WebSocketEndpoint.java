package io.ludo.server.ws;

import io.ludo.server.auth.SeatClaims;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.errors.Problems;
import io.ludo.server.game.GameIds;
import io.ludo.server.http.Schemas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The WebSocket handshake: a player's token is checked before the upgrade (401, or 403 for
 * another game's or seat's token); spectators need no token and may not act.
 */
public final class WebSocketEndpoint {
  private final SocketLoops loops;
  private final SeatTokens tokens;
  private final Schemas schemas;
  private final ClientMessages messages;

  public WebSocketEndpoint(SocketLoops loops, ClientMessages messages, SeatTokens tokens, Schemas schemas) {
    this.loops = loops;
    this.tokens = tokens;
    this.schemas = schemas;
    this.messages = messages;
  }

  public void player(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    String playerId = ctx.pathParam("playerId");
    Future<SeatClaims> seat = wellFormed(ctx, gameId)
        .compose(q -> tokens.verifyFor(q.getString("token"), gameId))
        .compose(c -> c.playerId().equals(playerId)
            ? Future.succeededFuture(c)
            : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "the token is for another seat")));
    upgrade(ctx, gameId, seat);
  }

  public void spectator(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    Future<SeatClaims> who = wellFormed(ctx, gameId).compose(q -> q.containsKey("spectate")
        ? Future.succeededFuture(null)
        : Future.failedFuture(new ApiException(ErrorCode.UNAUTHORIZED, "a seat token or ?spectate is required")));
    upgrade(ctx, gameId, who);
  }

  /**
   * The query (no parameter repeated or unknown) and the id's shape, decided before the upgrade
   * without I/O: a name no game can have is refused with 404 and reaches no game's owner.
   */
  private Future<io.vertx.core.json.JsonObject> wellFormed(RoutingContext ctx, String gameId) {
    return schemas.query(ctx).compose(q -> GameIds.wellFormed(gameId) ? Future.succeededFuture(q)
        : Future.failedFuture(new ApiException(ErrorCode.GAME_NOT_FOUND, "no such game")));
  }

  /**
   * Upgrades at once when the token check is already decided (it is CPU work, normally done by
   * now): an upgrade deferred behind I/O can lose its connection. Whether the game exists is told
   * after the upgrade, by an error frame and close code 4404.
   */
  private void upgrade(RoutingContext ctx, String gameId, Future<SeatClaims> who) {
    if (who.isComplete()) {
      decide(ctx, gameId, who);
    } else {
      ctx.request().pause();
      who.onComplete(ar -> decide(ctx, gameId, who));
    }
  }

  private void decide(RoutingContext ctx, String gameId, Future<SeatClaims> who) {
    if (who.failed()) {
      ApiException api = ApiException.from(who.cause());
      ctx.request().resume();
      ctx.response().setStatusCode(api.code().status()).putHeader("content-type", Problems.PROBLEM_JSON)
          .end(Problems.problem(api.code(), api.getMessage()).toBuffer());
      return;
    }
    // the WebSocket verticle of this event loop takes the socket (the node's sockets close before its HTTP server)
    var hub = loops.here();
    if (hub.isEmpty()) {
      ctx.response().setStatusCode(ErrorCode.UNAVAILABLE.status()).putHeader("content-type", Problems.PROBLEM_JSON)
          .end(Problems.problem(ErrorCode.UNAVAILABLE, "this node is stopping; retry").toBuffer());
      return;
    }
    ctx.request().toWebSocket()
        .onSuccess(ws -> new WebSocketSession(ws, gameId, who.result(), tokens, hub.get(), messages, schemas,
            messages.client(ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("X-Forwarded-For"))).open())
        .onFailure(ctx::fail);
  }
}
