package io.ludo.server.bridge;

import io.ludo.server.auth.SeatClaims;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.errors.Problems;
import io.ludo.server.http.Schemas;
import io.ludo.server.ws.ClientMessages;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Where the {@link BridgeGuard} delivers a browser's command to {@code ludo.game.<id>.commands}:
 * the seat comes from the {@code token} header alone (never from the body), the message is
 * checked like a WebSocket frame, and the reply is the same ack or error frame, with the
 * error's HTTP status.
 */
final class BridgeInbox {
  private final SeatTokens tokens;
  private final Schemas schemas;
  private final ClientMessages messages;

  BridgeInbox(SeatTokens tokens, Schemas schemas, ClientMessages messages) {
    this.tokens = tokens;
    this.schemas = schemas;
    this.messages = messages;
  }

  /** {@code {"game_id","token","command"}} as the guard rewrote it. */
  void handle(Message<JsonObject> message) {
    JsonObject envelope = message.body();
    String gameId = envelope.getString("game_id");
    Object command = envelope.getValue("command");
    Object id = command instanceof JsonObject c && (c.getValue("id") instanceof String || c.getValue("id") instanceof Number)
        ? c.getValue("id") : null;
    if (envelope.getString("token") == null && command instanceof JsonObject c && "chat".equals(c.getValue("type"))) {
      // a socket without a seat token is a spectator's: it reads the chat, it does not write it (API.md)
      message.reply(error(id, ErrorCode.FORBIDDEN, "spectators cannot chat"));
      return;
    }
    tokens.verifyFor(envelope.getString("token"), gameId)
        .compose(seat -> messages.admit(gameId, seat.playerId()).compose(admitted -> admitted
            ? answer(gameId, seat, id, command)
            : Future.succeededFuture(error(id, ErrorCode.RATE_LIMITED, "too many commands for this seat; slow down"))))
        .recover(e -> {
          ApiException api = ApiException.from(e);
          return Future.succeededFuture(error(id, api.code(), api.getMessage()));
        })
        .onSuccess(message::reply);
  }

  private Future<JsonObject> answer(String gameId, SeatClaims seat, Object id, Object command) {
    var problem = schemas.problem(Schemas.WS_MESSAGE, command);
    if (problem.isPresent()) {
      return Future.succeededFuture(error(id, ErrorCode.INVALID_INPUT, problem.get()));
    }
    JsonObject c = (JsonObject) command;
    return switch (c.getString("type")) {
      case "ping" -> Future.succeededFuture(new JsonObject().put("type", "pong").put("id", id));
      // one reply carries what a WebSocket gets as separate frames: the missed events (or a state)
      case "sync" -> messages.sync(gameId, c.getInteger("since_seq")).map(sync -> new JsonObject()
          .put("type", "ack").put("id", id).put("seq", sync.seq()).put("frames", new JsonArray(sync.frames().stream().<Object>map(JsonObject::new).toList())));
      // every bridge message carries its token header, checked each time: there is none to replace
      case "token" -> Future.succeededFuture(error(id, ErrorCode.INVALID_INPUT,
          "on the bridge, send the renewed token in the token header of each message"));
      default -> messages.command(gameId, seat.playerId(), id, c).map(frame -> withStatus(frame));
    };
  }

  static JsonObject error(Object id, ErrorCode code, String message) {
    return Problems.wsError(id, code, message).put("status", code.status());
  }

  private static JsonObject withStatus(JsonObject frame) {
    return "error".equals(frame.getString("type"))
        ? frame.put("status", ErrorCode.parse(frame.getString("code")).status()) : frame;
  }
}
