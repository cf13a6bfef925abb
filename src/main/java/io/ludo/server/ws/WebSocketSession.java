package io.ludo.server.ws;

import io.ludo.game.Game;
import io.ludo.game.GameState;
import io.ludo.game.Recorded;
import io.ludo.json.GameEventJson;
import io.ludo.json.GameViewJson;
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
  static final int MAX_REFUSED_IN_A_ROW = 5;
  static final int MAX_PENDING = 64;
  private final ServerWebSocket ws;
  private final String gameId;
  private final String playerId;
  private final SocketHub hub;
  private final ClientMessages messages;
  private final Schemas schemas;
  /** Events that arrived before the state was sent; null once it was. Guarded by this. */
  private List<Object[]> early = new ArrayList<>();
  private int deliveredSeq;
  /** The rate-limit checks of this socket's frames, one after the other (event loop only). */
  private Future<Boolean> gate = Future.succeededFuture(true);
  private int pending;
  private int refusedInARow;

  WebSocketSession(ServerWebSocket ws, String gameId, String playerId, SocketHub hub,
      ClientMessages messages, Schemas schemas) {
    this.ws = ws;
    this.gameId = gameId;
    this.playerId = playerId;
    this.hub = hub;
    this.messages = messages;
    this.schemas = schemas;
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
    counted
        .transform(v -> messages.view(gameId))
        .onSuccess(this::sendState)
        .onFailure(e -> {
          ApiException api = ApiException.from(e);
          sendError(null, api.code(), api.getMessage());
          ws.close(api.code() == ErrorCode.GAME_NOT_FOUND ? CLOSE_NO_SUCH_GAME : CLOSE_TRY_AGAIN, api.getMessage());
        });
  }

  /** Counts this socket again with a new owner, once the socket was counted at all (its state sent). */
  synchronized void announce() {
    if (early == null) {
      presence(+1);
    }
  }

  private Future<?> presence(int delta) {
    return messages.presence(gameId, playerId, delta);
  }

  // ---------------------------------------------------------------- outbound

  private synchronized void sendState(JsonObject view) {
    deliveredSeq = view.getInteger("seq");
    ws.writeTextMessage(view.encode());
    List<Object[]> waiting = early;
    early = null;
    for (Object[] e : waiting) {
      deliver((Integer) e[0], (String) e[1]);
    }
  }

  /** An event already encoded once for every socket of the game. */
  synchronized void deliver(int seq, String text) {
    if (early != null) {
      early.add(new Object[] {seq, text});
    } else if (seq > deliveredSeq) {
      deliveredSeq = seq;
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
   * A seated player's frames pass their seat's rate limit first, in order: each over the limit
   * is answered by a RATE_LIMITED error frame, and the socket is closed (1008) after
   * {@link #MAX_REFUSED_IN_A_ROW} of them in a row or {@link #MAX_PENDING} frames awaiting the limiter.
   */
  private void onText(String text) {
    if (playerId == null) {
      handle(text);
      return;
    }
    if (++pending > MAX_PENDING) {
      ws.close(CLOSE_POLICY, "rate limited");
      return;
    }
    gate = gate.transform(x -> messages.admit(gameId, playerId)).andThen(ar -> {
      pending--;
      if (ar.failed() || ar.result()) {
        refusedInARow = 0;
        handle(text);
        return;
      }
      sendError(null, ErrorCode.RATE_LIMITED, "too many frames for this seat; slow down");
      if (++refusedInARow >= MAX_REFUSED_IN_A_ROW) {
        ws.close(CLOSE_POLICY, "rate limited");
      }
    });
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
      default -> command(id, type, message);
    }
  }

  private void command(Object id, String type, JsonObject message) {
    messages.command(gameId, playerId, id, message).onSuccess(frame -> ws.writeTextMessage(frame.encode()));
  }

  private void sync(Object id, int sinceSeq) {
    messages.sync(gameId, sinceSeq).onSuccess(sync -> {
      sync.frames().forEach(f -> ws.writeTextMessage(f.encode()));
      ack(id, sync.seq());
    }).onFailure(e -> sendError(id, ErrorCode.UNAVAILABLE, e.getMessage()));
  }

  private void ack(Object id, int seq) {
    ws.writeTextMessage(new JsonObject().put("type", "ack").put("id", id).put("seq", seq).encode());
  }

}
