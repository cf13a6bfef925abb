package io.ludo.server.game;

import io.ludo.server.bus.Addresses;
import io.ludo.server.bus.Deadlines;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.room.RoomRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How the edges (REST, WebSocket) reach a room: a request to its owner's address; when no owner
 * is listening, the room is loaded from Postgres on this node and the request sent again.
 */
public final class GameRouter {
  private static final int LOAD_ATTEMPTS = 3;

  private final Vertx vertx;
  private final String nodeId;
  private final DeliveryOptions delivery;
  private final long totalMs;
  /** For what is not resent: loads (which may wait for a hand-off) and reads. */
  private final DeliveryOptions whole;
  private final BooleanSupplier stopping;
  private final DeliveryOptions localDelivery;
  private final io.vertx.core.shareddata.LocalMap<String, Boolean> localRooms;
  private final String commandIdPrefix = "c_" + UUID.randomUUID().toString().replace("-", "") + "_";
  private final java.util.concurrent.atomic.AtomicLong commandCount = new java.util.concurrent.atomic.AtomicLong();

  /**
   * {@code timeoutMs} bounds a whole command, resends included; each attempt waits a third of
   * it, so that an owner that died with the command is given up on early.
   */
  public GameRouter(Vertx vertx, String nodeId, long timeoutMs) {
    this(vertx, nodeId, timeoutMs, () -> false);
  }

  /** As above, refusing new rooms and commands once {@code stopping} (reads still pass). */
  public GameRouter(Vertx vertx, String nodeId, long timeoutMs, BooleanSupplier stopping) {
    this.stopping = stopping;
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.totalMs = timeoutMs;
    this.delivery = new DeliveryOptions().setSendTimeout(Math.max(500, timeoutMs / 3)).setCodecName(RoomRequestCodec.NAME);
    this.whole = new DeliveryOptions().setSendTimeout(timeoutMs);
    this.localDelivery = new DeliveryOptions(delivery).setLocalOnly(true);
    this.localRooms = LocalRooms.of(vertx);
  }

  /**
   * An id for a command that came without a key, so that its resends are harmless: unique in
   * every game for good (the log keeps it), from a random prefix per router and a counter,
   * instead of a random UUID per command.
   */
  private String nextCommandId() {
    return commandIdPrefix + Long.toString(commandCount.incrementAndGet(), 36);
  }

  /** The node whose edges this router serves. */
  public String nodeId() {
    return nodeId;
  }

  /** Creates a room on this node; answers {@code game_id, player_id, seat, state}. */
  public Future<JsonObject> create(JsonObject request) {
    if (stopping.getAsBoolean()) {
      return Future.failedFuture(nodeStopping());
    }
    return directory(request.copy().put("op", "create"));
  }

  /**
   * Sends a command (or {@code view}) to the room's owner; fails with an {@link ApiException}.
   * A command without a {@code command_id} gets one, so that it may be resent safely: the owner
   * answers a resent command from its record instead of applying it again.
   */
  public Future<JsonObject> send(String gameId, JsonObject command) {
    RoomRequest request = RoomRequests.of(command);
    boolean query = !(request instanceof RoomRequest.Command);
    if (!query && stopping.getAsBoolean()) {
      return Future.failedFuture(nodeStopping());
    }
    if (request instanceof RoomRequest.Command c && c.commandId() == null) {
      request = new RoomRequest.Command(c.type(), nextCommandId(), null, c.command());
    }
    if (!GameIds.wellFormed(gameId)) {
      return noSuchGame();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(totalMs);
    return send(gameId, request, LOAD_ATTEMPTS, deadline)
        .transform(ar -> ar.succeeded() ? unwrap(ar.result()) : Future.failedFuture(translate(ar.cause())));
  }

  /**
   * No owner listening (the room is not in memory, or its owner left or died): load it here, or
   * find whoever just did, and send again. No answer in time (the owner may have died with the
   * command): send again to whoever owns the room by then, until the deadline; the command id
   * makes the resend harmless.
   */
  private Future<JsonObject> send(String gameId, RoomRequest command, int loadsLeft, long deadline) {
    return request(gameId, command, deadline).recover(e -> {
      boolean timeLeft = System.nanoTime() < deadline;
      // a closing socket is no reason to bring a room back: its next owner re-counts the open ones
      boolean worthLoading = !(command instanceof RoomRequest.Presence p && p.delta() < 0);
      if (isNoOwner(e) && loadsLeft > 0 && timeLeft && worthLoading) {
        return directory(new JsonObject().put("op", "load").put("game_id", gameId))
            .compose(v -> send(gameId, command, loadsLeft - 1, deadline));
      }
      if ((isTimeout(e) || isUnreachable(e)) && timeLeft && command instanceof RoomRequest.Command) {
        // the owner may be dead with its registration left behind on this node (a member lost
        // while the cluster's data moved): the directory loads the game here unless an owner
        // answers its probe, so that the resend has somewhere to go
        Future<Void> rescue = loadsLeft > 0 && worthLoading
            ? directory(new JsonObject().put("op", "load").put("game_id", gameId)).<Void>mapEmpty().otherwiseEmpty()
            : Future.succeededFuture();
        return rescue.compose(v -> send(gameId, command, loadsLeft - 1, deadline));
      }
      return Future.failedFuture(e);
    });
  }

  private static ApiException nodeStopping() {
    return new ApiException(ErrorCode.UNAVAILABLE, "this node is stopping; retry");
  }

  /** The send itself failed (no connection to the owner's node), not the owner's answer. */
  private static boolean isUnreachable(Throwable e) {
    return e instanceof ReplyException r && r.failureType() == ReplyFailure.ERROR;
  }

  private static boolean isTimeout(Throwable e) {
    return e instanceof ReplyException r && r.failureType() == ReplyFailure.TIMEOUT;
  }

  public Future<JsonObject> readEvents(String gameId, int fromSeq, int limit) {
    if (!GameIds.wellFormed(gameId)) {
      return noSuchGame();
    }
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_READ,
            new JsonObject().put("game_id", gameId).put("from_seq", fromSeq).put("limit", limit), whole)
        .map(m -> m.body())
        .recover(e -> Future.failedFuture(translate(e)));
  }

  /**
   * {@code {"status","last_event"?}} of a game: from its owner's memory when it is loaded somewhere,
   * else from its head row (no room is loaded for it, and no log is read).
   */
  public Future<JsonObject> head(String gameId) {
    if (!GameIds.wellFormed(gameId)) {
      return noSuchGame();
    }
    return vertx.eventBus().<JsonObject>request(Addresses.gameCommands(gameId), new RoomRequest.Head(), deliveryTo(gameId))
        .map(m -> m.body())
        .recover(e -> isNoOwner(e) || isTimeout(e) || isUnreachable(e) ? readHead(gameId)
            : Future.failedFuture(translate(e)));
  }

  private Future<JsonObject> readHead(String gameId) {
    return vertx.eventBus()
        .<JsonObject>request(Addresses.PERSIST_HEAD, new JsonObject().put("game_id", gameId), whole)
        .map(m -> m.body())
        .recover(e -> Future.failedFuture(translate(e)));
  }

  /** One attempt, telling the owner how long this edge will wait in all: it decides nothing after that. */
  private Future<JsonObject> request(String gameId, RoomRequest command, long deadline) {
    long budgetMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    return vertx.eventBus().<JsonObject>request(Addresses.gameCommands(gameId), command,
        Deadlines.withBudget(deliveryTo(gameId), budgetMs)).map(m -> m.body());
  }

  /**
   * A room on this node is the game's owner here: asked locally, with no cluster lookup, no stale
   * registration of a dead or frozen owner elsewhere to wait on, and no cluster route for its
   * address kept in this node's event bus (~5 KB a game) for as long as the room lives.
   */
  private DeliveryOptions deliveryTo(String gameId) {
    return localRooms.containsKey(gameId) ? localDelivery : delivery;
  }

  private Future<JsonObject> directory(JsonObject request) {
    return vertx.eventBus().<JsonObject>request(Addresses.directory(nodeId), request, whole)
        .map(m -> m.body())
        .recover(e -> Future.failedFuture(translate(e)));
  }

  /** An id of another shape than {@link GameIds}' names no game: answered without a message. */
  private static Future<JsonObject> noSuchGame() {
    return Future.failedFuture(new ApiException(ErrorCode.GAME_NOT_FOUND, "no such game"));
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
