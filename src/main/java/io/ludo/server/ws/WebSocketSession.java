package io.ludo.server.ws;

import io.ludo.game.Game;
import io.ludo.game.GameState;
import io.ludo.game.Recorded;
import io.ludo.json.GameEventJson;
import io.ludo.json.GameViewJson;
import io.ludo.server.auth.SeatClaims;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.errors.Problems;
import io.ludo.server.game.GameRouter;
import io.ludo.server.http.Schemas;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One socket: the state first, then every event in order (none twice, none before the state),
 * and the client's commands answered with an ack or an error frame. {@code playerId} is null
 * for a spectator.
 */
final class WebSocketSession {
  /** Close code for a socket on a game that does not exist (4000–4999: the application's own). */
  static final short CLOSE_NO_SUCH_GAME = 4404;
  /** Close code when the game could not be reached: reconnect later (RFC 6455 "try again later"). */
  static final short CLOSE_TRY_AGAIN = 1013;
  /** Close code for a flood of frames over the seat's rate limit (RFC 6455 policy violation). */
  static final short CLOSE_POLICY = 1008;
  static final int MAX_PENDING = 64;
  private final ServerWebSocket ws;
  private final String gameId;
  private final String playerId;
  /** The seat's token as last presented (null: a spectator): each command is refused once it ran out. */
  private SeatClaims seat;
  private final SeatTokens tokens;
  private final SocketHub hub;
  private final ClientMessages messages;
  private final Schemas schemas;
  /** Who counts this socket's frames: its seat, or (a spectator) its client address and this socket's own id. */
  private final String clientAddress;
  private final String socketId = java.util.UUID.randomUUID().toString();
  /** Events that arrived before the state was sent; null once it was. Guarded by this. */
  private List<Object[]> early = new ArrayList<>();
  /** The events after the state, in order; made when the state is sent. */
  private InOrderEvents<String> order;
  /** The rate-limit checks of this socket's frames, one after the other (event loop only). */
  private Future<Boolean> gate = Future.succeededFuture(true);
  private int pending;
  private int refusedInARow;

  WebSocketSession(ServerWebSocket ws, String gameId, SeatClaims seat, SeatTokens tokens, SocketHub hub,
      ClientMessages messages, Schemas schemas, String clientAddress) {
    this.ws = ws;
    this.gameId = gameId;
    this.seat = seat;
    this.playerId = seat == null ? null : seat.playerId();
    this.tokens = tokens;
    this.hub = hub;
    this.messages = messages;
    this.schemas = schemas;
    this.clientAddress = clientAddress;
  }

  void open() {
    hub.join(gameId, this);
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> sendError(null, ErrorCode.INVALID_INPUT, "text frames only"));
    Future<?> counted = presence(+1);
    ws.closeHandler(v -> {
      hub.leave(gameId, this);
      // after the count it undoes: a close overtaking an open that loads the room would be lost
      counted.onSuccess(c -> presence(-1));
    });
    // a socket its room does not count gets no frames from a room on another node: it is closed
    counted
        .compose(v -> messages.view(gameId))
        .onSuccess(this::sendState)
        .onFailure(e -> {
          ApiException api = ApiException.from(e);
          sendError(null, api.code(), api.getMessage());
          ws.close(api.code() == ErrorCode.GAME_NOT_FOUND ? CLOSE_NO_SUCH_GAME : CLOSE_TRY_AGAIN, api.getMessage());
        });
  }

  /**
   * Counts this socket again with a new owner (or an owner that had given up on this node), once
   * the socket was counted at all (its state sent); closed when that fails, as at its opening.
   */
  synchronized void announce() {
    if (early == null) {
      presence(+1).onFailure(e -> ws.close(CLOSE_TRY_AGAIN, "the game could not count this socket; reconnect"));
    }
  }

  private Future<?> presence(int delta) {
    return messages.presence(gameId, playerId, delta);
  }

  // ---------------------------------------------------------------- outbound

  private synchronized void sendState(JsonObject view) {
    order = new InOrderEvents<>(view.getInteger("seq"), since -> messages.sync(gameId, since), frame -> frame,
        ws::writeTextMessage);
    ws.writeTextMessage(view.encode());
    List<Object[]> waiting = early;
    early = null;
    for (Object[] e : waiting) {
      deliver((Integer) e[0], (String) e[1]);
    }
  }

  /**
   * An event already encoded once for every socket of the game; {@code seq} 0 for a frame outside
   * the game's record (chat, rematch), sent whatever the socket has seen. The events go in order
   * and once each, the missed ones read from the owner first ({@link InOrderEvents}).
   */
  synchronized void deliver(int seq, String text) {
    if (early != null) {
      early.add(new Object[] {seq, text});
    } else if (seq == 0 || order.admit(seq, text)) {
      ws.writeTextMessage(text);
    }
  }

  void close() {
    ws.close((short) 1001, "server going away");
  }

  /** Tells the client why, then closes with 1012 (service restart): it should reconnect and sync. */
  void goAway(String notice) {
    ws.writeTextMessage(notice).onComplete(v -> ws.close((short) 1012, "reconnect"));
  }

  private void sendError(Object id, ErrorCode code, String message) {
    ws.writeTextMessage(Problems.wsError(id, code, message).encode());
  }

  // ---------------------------------------------------------------- inbound

  /**
   * Every frame passes its rate limit first, in order (a seated player's: the seat's; a
   * spectator's: this socket's own, as large): each over the limit is answered by a RATE_LIMITED
   * error frame, and the socket is closed (1008) after {@link ClientMessages#MAX_REFUSED_IN_A_ROW}
   * of them in a row or {@link #MAX_PENDING} frames awaiting the limiter.
   */
  private void onText(String text) {
    if (++pending > MAX_PENDING) {
      ws.close(CLOSE_POLICY, "rate limited");
      return;
    }
    gate = gate.transform(x -> admitted()).andThen(ar -> {
      pending--;
      if (ar.failed() || ar.result()) {
        refusedInARow = 0;
        handle(text);
        return;
      }
      sendError(null, ErrorCode.RATE_LIMITED, "too many frames for this socket; slow down");
      if (++refusedInARow >= ClientMessages.MAX_REFUSED_IN_A_ROW) {
        ws.close(CLOSE_POLICY, "rate limited");
      }
    });
  }

  private Future<Boolean> admitted() {
    return playerId != null ? messages.admit(gameId, playerId) : messages.admitWatcher(clientAddress, socketId);
  }

  private void handle(String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      sendError(null, ErrorCode.INVALID_INPUT, "a frame must be one JSON object");
      return;
    }
    Object id = message.getValue("id");
    var problem = FrameShapes.plainlyValid(message) ? java.util.Optional.<String>empty()
        : schemas.problem(Schemas.WS_MESSAGE, message);
    if (problem.isPresent()) {
      sendError(id instanceof String || id instanceof Number ? id : null, ErrorCode.INVALID_INPUT, problem.get());
      return;
    }
    String type = message.getString("type");
    switch (type) {
      case "ping" -> ws.writeTextMessage(new JsonObject().put("type", "pong").put("id", id).encode());
      case "sync" -> sync(id, message.getInteger("since_seq"));
      case "token" -> renew(id, message.getString("token"));
      default -> command(id, type, message);
    }
  }

  private void command(Object id, String type, JsonObject message) {
    if (seat != null && seat.expiredAt(System.currentTimeMillis())) {
      sendError(id, ErrorCode.UNAUTHORIZED, "the seat token expired; renew it (POST /games/{id}/token) and send {\"type\":\"token\"}");
      return;
    }
    messages.command(gameId, playerId, id, message).onSuccess(frame -> ws.writeTextMessage(frame.encode()));
  }

  private void sync(Object id, int sinceSeq) {
    messages.sync(gameId, sinceSeq).onSuccess(sync -> {
      sync.frames().forEach(ws::writeTextMessage);
      ack(id, sync.seq());
    }).onFailure(e -> sendError(id, ErrorCode.UNAVAILABLE, e.getMessage()));
  }

  /** A renewed token for this socket's own seat replaces the one it opened with. */
  private void renew(Object id, String token) {
    if (seat == null) {
      sendError(id, ErrorCode.FORBIDDEN, "spectators have no seat token");
      return;
    }
    tokens.verifyFor(token, gameId).onComplete(ar -> {
      if (ar.failed()) {
        ApiException api = ApiException.from(ar.cause());
        sendError(id, api.code(), api.getMessage());
      } else if (!ar.result().sameSeat(seat)) {
        sendError(id, ErrorCode.FORBIDDEN, "the token is for another seat");
      } else {
        seat = ar.result();
        ws.writeTextMessage(new JsonObject().put("type", "ack").put("id", id)
            .put("expires_at", seat.expiresAt() * 1000).encode());
      }
    });
  }

  private void ack(Object id, int seq) {
    ws.writeTextMessage(new JsonObject().put("type", "ack").put("id", id).put("seq", seq).encode());
  }

}
