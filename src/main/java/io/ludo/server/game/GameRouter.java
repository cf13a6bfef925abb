package io.ludo.server.game;

import io.ludo.server.bus.Addresses;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * How the edges (REST, WebSocket) reach a room: a request to its owner's address; when no owner
 * is listening, the room is loaded from Postgres on this node and the request sent again.
 */
public final class GameRouter {
  private static final int LOAD_ATTEMPTS = 3;

  private final Vertx vertx;
  private final String nodeId;
  private final DeliveryOptions delivery;

  public GameRouter(Vertx vertx, String nodeId, long timeoutMs) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** Creates a room on this node; answers {@code game_id, player_id, seat, state}. */
  public Future<JsonObject> create(JsonObject request) {
    return directory(request.copy().put("op", "create"));
  }

  /** Sends a command (or {@code view}) to the room's owner; fails with an {@link ApiException}. */
  public Future<JsonObject> send(String gameId, JsonObject command) {
    return send(gameId, command, LOAD_ATTEMPTS)
        .transform(ar -> ar.succeeded() ? unwrap(ar.result()) : Future.failedFuture(translate(ar.cause())));
  }

  /**
   * No owner listening (the room is not in memory, or its owner left or died): load it here,
   * or find whoever just did, and send again. A command is only ever resent when no owner
   * received it, so it can never take effect twice.
   */
  private Future<JsonObject> send(String gameId, JsonObject command, int attemptsLeft) {
    return request(gameId, command).recover(e -> isNoOwner(e) && attemptsLeft > 0
        ? directory(new JsonObject().put("op", "load").put("game_id", gameId))
            .compose(v -> send(gameId, command, attemptsLeft - 1))
        : Future.failedFuture(e));
  }

  public Future<JsonObject> readEvents(String gameId, int fromSeq, int limit) {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_READ,
            new JsonObject().put("game_id", gameId).put("from_seq", fromSeq).put("limit", limit), delivery)
        .map(m -> m.body())
        .recover(e -> Future.failedFuture(translate(e)));
  }

  private Future<JsonObject> request(String gameId, JsonObject command) {
    return vertx.eventBus().<JsonObject>request(Addresses.gameCommands(gameId), command, delivery).map(m -> m.body());
  }

  private Future<JsonObject> directory(JsonObject request) {
    return vertx.eventBus().<JsonObject>request(Addresses.directory(nodeId), request, delivery)
        .map(m -> m.body())
        .recover(e -> Future.failedFuture(translate(e)));
  }

  private static boolean isNoOwner(Throwable e) {
    return e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS;
  }

  private static Future<JsonObject> unwrap(JsonObject reply) {
    JsonObject error = reply.getJsonObject("error");
    if (error == null) {
      return Future.succeededFuture(reply);
    }
    return Future.failedFuture(new ApiException(ErrorCode.parse(error.getString("code")), error.getString("message")));
  }

  private static ApiException translate(Throwable e) {
    if (e instanceof ApiException api) {
      return api;
    }
    if (e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      ErrorCode code = ErrorCode.parse(r.getMessage());
      return new ApiException(code, code == ErrorCode.GAME_NOT_FOUND ? "no such game" : "temporarily unavailable, retry");
    }
    return new ApiException(ErrorCode.UNAVAILABLE, "the game did not answer in time; retry");
  }
}
