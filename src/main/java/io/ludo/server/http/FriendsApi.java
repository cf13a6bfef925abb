package io.ludo.server.http;

import static io.ludo.server.http.Responses.reply;

import io.ludo.server.bus.Addresses;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.game.GameIds;
import io.ludo.server.game.GameRouter;
import io.ludo.server.game.InviteCodes;
import io.ludo.server.ws.ClientMessages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The routes of playing with friends (API.md): joining by invite code, the lobby, rematch and
 * quick chat. Codes, the lobby and chat are read from Postgres, the same from every node; a
 * rematch and a chat line go through the game's owner.
 */
final class FriendsApi {
  private static final int DEFAULT_LOBBY_LIMIT = 50;
  private static final int DEFAULT_CHAT_LIMIT = 50;
  private static final DeliveryOptions READ = new DeliveryOptions().setSendTimeout(5_000);

  private final Vertx vertx;
  private final GameRouter games;
  private final RestApi rest;
  private final Schemas schemas;
  private final ClientMessages messages;

  FriendsApi(Vertx vertx, GameRouter games, RestApi rest, Schemas schemas, ClientMessages messages) {
    this.vertx = vertx;
    this.games = games;
    this.rest = rest;
    this.schemas = schemas;
    this.messages = messages;
  }

  /** {@code POST /invites/{code}/join}: a join of the waiting game that holds the code. */
  void joinByInvite(RoutingContext ctx) {
    reply(ctx, 200, schemas.query(ctx).compose(q -> InviteCodes.normalize(ctx.pathParam("code"))
        .map(code -> persistence(Addresses.PERSIST_INVITE, new JsonObject().put("code", code)))
        .orElseGet(() -> Future.succeededFuture(new JsonObject()))
        .compose(found -> {
          String gameId = found.getString("game_id");
          if (gameId == null) {
            return noInvite();
          }
          // the game started (or ended) between the lookup and the join: its code is no more
          return rest.join(ctx, gameId).recover(e -> Set.of(ErrorCode.GAME_STARTED, ErrorCode.GAME_OVER)
              .contains(ApiException.from(e).code()) ? noInvite() : Future.failedFuture(e));
        })));
  }

  /** {@code GET /lobby?players=N&limit=L}: public games still waiting, newest first. */
  void lobby(RoutingContext ctx) {
    reply(ctx, 200, schemas.query(ctx, Schemas.LOBBY_QUERY, name -> name.equals("players") || name.equals("limit"))
        .compose(q -> persistence(Addresses.PERSIST_LOBBY, new JsonObject().put("players", q.getInteger("players"))
            .put("limit", q.getInteger("limit", DEFAULT_LOBBY_LIMIT)))));
  }

  /**
   * {@code POST /games/{id}/rematch}: the first seated player's call makes the rematch and takes
   * its first seat; each other player's takes the next free seat there (under the same player
   * id); a second call by the same player answers the seat it has.
   */
  void rematch(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 201, schemas.query(ctx).compose(q -> rest.seat(ctx, gameId)).compose(seat -> schemas.body(ctx, Schemas.EMPTY)
        .compose(body -> games.send(gameId, new JsonObject().put("type", "rematch").put("player_id", seat.playerId())))
        .compose(made -> seatIn(gameId, made.getString("rematch_game_id"), seat.playerId(), made.getString("player_name")))
        .map(rest::withInvite)));
  }

  private Future<JsonObject> seatIn(String oldGameId, String gameId, String playerId, String name) {
    return games.send(gameId, new JsonObject().put("type", "view")).compose(view -> {
      JsonObject seated = seatOf(view, playerId);
      if (seated != null) {
        return Future.succeededFuture(new JsonObject().put("game_id", gameId).put("player_id", playerId)
            .put("seat", seated.getInteger("seat")).put("state", view));
      }
      // keyed by the old game and seat: calls racing each other take one seat between them
      JsonObject join = new JsonObject().put("type", "join").put("player_id", playerId).put("player_name", name)
          .put("command_id", "rematch/" + oldGameId + "/" + playerId);
      return games.send(gameId, join).compose(joined -> games.send(gameId, new JsonObject().put("type", "view"))
          .map(after -> joined.put("state", after)));
    });
  }

  private static JsonObject seatOf(JsonObject view, String playerId) {
    JsonArray players = view.getJsonArray("players", new JsonArray());
    for (int i = 0; i < players.size(); i++) {
      if (playerId.equals(players.getJsonObject(i).getString("player_id"))) {
        return players.getJsonObject(i);
      }
    }
    return null;
  }

  /** {@code POST /games/{id}/chat {"text"}}: a seated player's line to every socket of the game. */
  void chat(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 200, schemas.query(ctx).compose(q -> rest.seat(ctx, gameId)).compose(seat -> schemas.body(ctx, Schemas.CHAT)
        .compose(body -> messages.chat(gameId, seat.playerId(), body.getString("text")))));
  }

  /** {@code GET /games/{id}/chat?limit=N}: the latest lines, oldest first, from any node. */
  void chatHistory(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 200, schemas.query(ctx, Schemas.CHAT_QUERY, "limit"::equals).compose(q -> {
      if (!GameIds.wellFormed(gameId)) {
        return Future.failedFuture(new ApiException(ErrorCode.GAME_NOT_FOUND, "no such game"));
      }
      return persistence(Addresses.PERSIST_CHAT_READ, new JsonObject().put("game_id", gameId)
              .put("limit", q.getInteger("limit", DEFAULT_CHAT_LIMIT)))
          .compose(lines -> lines.getJsonArray("messages").isEmpty()
              ? persistence(Addresses.PERSIST_EXISTS, new JsonObject().put("game_id", gameId)).compose(exists ->
                  exists.getBoolean("exists", false) ? Future.succeededFuture(lines)
                      : Future.failedFuture(new ApiException(ErrorCode.GAME_NOT_FOUND, "no such game")))
              : Future.succeededFuture(lines));
    }));
  }

  private Future<JsonObject> persistence(String address, JsonObject request) {
    return vertx.eventBus().<JsonObject>request(address, request, READ).map(m -> m.body())
        .recover(e -> Future.failedFuture(new ApiException(ErrorCode.UNAVAILABLE, "the database is unreachable; retry")));
  }

  private static Future<JsonObject> noInvite() {
    return Future.failedFuture(new ApiException(ErrorCode.INVITE_NOT_FOUND, "no waiting game has this invite code"));
  }
}
