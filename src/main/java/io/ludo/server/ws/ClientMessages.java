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
import io.ludo.server.play.RateLimiter;
import io.ludo.server.room.Room;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client may say on a socket (WebSocket or event-bus bridge), already validated against
 * the {@code ws-message} schema: commands answered by an ack or an error frame, and sync.
 */
public final class ClientMessages {
  /** Frames over their budget in a row after which a socket is closed (1008). */
  public static final int MAX_REFUSED_IN_A_ROW = 5;
  private final GameRouter games;
  private final int syncMaxEvents;
  /** The rate limits of frames; null: none. */
  private final RateLimiter limiter;
  /** Chat's own limit, on whatever the operator's limits are; null: none (tests without Redis). */
  private final RateLimiter chatLimiter;

  public ClientMessages(GameRouter games, int syncMaxEvents, RateLimiter limiter) {
    this.games = games;
    this.syncMaxEvents = syncMaxEvents;
    this.limiter = limiter != null && limiter.limitsCommands() ? limiter : null;
    this.chatLimiter = limiter;
  }

  /**
   * A seated player's chat line (any door): 1–{@value Room#MAX_CHAT_LENGTH} characters after
   * trimming, within the seat's chat limit, then to the game's owner, which keeps it and sends it
   * to every socket. Answers the line as sockets receive it; fails with an {@link ApiException}.
   */
  public Future<JsonObject> chat(String gameId, String playerId, String rawText) {
    if (playerId == null) {
      return Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "spectators cannot chat"));
    }
    String text = rawText == null ? "" : rawText.strip();
    int length = text.codePointCount(0, text.length());
    if (length < 1 || length > Room.MAX_CHAT_LENGTH) {
      return Future.failedFuture(new ApiException(ErrorCode.INVALID_INPUT,
          "text: 1 to " + Room.MAX_CHAT_LENGTH + " characters after trimming"));
    }
    Future<RateLimiter.Verdict> verdict = chatLimiter == null ? Future.succeededFuture(RateLimiter.Verdict.ALLOW)
        : chatLimiter.chat(gameId, playerId);
    return verdict.compose(v -> v.allowed()
        ? games.send(gameId, new JsonObject().put("type", "chat").put("player_id", playerId).put("text", text))
        : Future.failedFuture(new ApiException(ErrorCode.RATE_LIMITED,
            "more than " + RateLimiter.CHAT_PER_WINDOW + " chat messages in " + RateLimiter.CHAT_WINDOW_MS / 1000
                + " s; wait", v.retryAfterS())));
  }

  /** Whether a seated player's frame is within the seat's rate limit (WebSocket frames, bridge commands). */
  public Future<Boolean> admit(String gameId, String playerId) {
    return limiter == null ? Future.succeededFuture(true) : limiter.command(gameId, playerId).map(RateLimiter.Verdict::allowed);
  }

  /** Whether a frame of a socket without a seat (a spectator) is within that socket's own budget. */
  public Future<Boolean> admitWatcher(String clientAddress, String socket) {
    return limiter == null ? Future.succeededFuture(true)
        : limiter.watcher(clientAddress, socket).map(RateLimiter.Verdict::allowed);
  }

  /** The client address of a socket's peer, {@code X-Forwarded-For} believed only from a trusted proxy. */
  public String client(String peer, String forwardedFor) {
    return limiter == null ? peer : limiter.client(peer, forwardedFor);
  }

  /**
   * The frames a sync answers with, encoded: the missed events in order, the first after the
   * sync's {@code since_seq}, or ({@code state}) one state frame when they are too many.
   */
  public record Sync(List<String> frames, int seq, boolean state) {}

  /** A seated player's command, answered by {@code {"type":"ack",…reply}} or an error frame; never fails. */
  public Future<JsonObject> command(String gameId, String playerId, Object id, JsonObject message) {
    if (playerId == null) {
      return Future.succeededFuture(Problems.wsError(id, ErrorCode.FORBIDDEN, "spectators cannot act"));
    }
    String type = message.getString("type");
    if ("chat".equals(type)) {
      return chat(gameId, playerId, message.getString("text")).transform(ar -> Future.succeededFuture(ar.succeeded()
          ? ar.result().copy().put("type", "ack").put("id", id)
          : errorFrame(id, ar.cause())));
    }
    JsonObject command = new JsonObject().put("type", type).put("player_id", playerId);
    if ("move".equals(type)) {
      command.put("token_index", message.getInteger("token_index")).put("dice_value", message.getInteger("dice_value"));
    }
    return games.send(gameId, command).transform(ar -> {
      if (ar.succeeded()) {
        return Future.succeededFuture(io.ludo.server.room.EncodedFrame.ack(id, ar.result()));
      }
      return Future.succeededFuture(errorFrame(id, ar.cause()));
    });
  }

  private static JsonObject errorFrame(Object id, Throwable failure) {
    ApiException api = ApiException.from(failure);
    return Problems.wsError(id, api.code(), api.getMessage());
  }

  /**
   * The events after {@code sinceSeq}, each with its turn; the whole state when they are too many.
   * The owner answers from its recent events; only a sync from further back than those reads the log.
   */
  public Future<Sync> sync(String gameId, int sinceSeq) {
    JsonObject recent = new JsonObject().put("type", "recent").put("since_seq", sinceSeq).put("max", syncMaxEvents);
    return games.send(gameId, recent)
        .compose(answer -> fromMemory(gameId, sinceSeq, answer))
        // an owner still running an older version refuses "recent" as malformed: the log answers
        .recover(e -> ApiException.from(e).code() == ErrorCode.INVALID_INPUT ? fromLog(gameId, sinceSeq) : Future.failedFuture(e))
        .recover(e -> Future.failedFuture(new ApiException(ErrorCode.UNAVAILABLE, "could not read the game's events; retry")));
  }

  private Future<Sync> fromMemory(String gameId, int sinceSeq, JsonObject answer) {
    int last = answer.getInteger("seq");
    if (last - sinceSeq > syncMaxEvents) {
      return state(gameId);
    }
    JsonArray frames = answer.getJsonArray("frames");
    return frames != null
        ? Future.succeededFuture(new Sync(frames.stream().map(String::valueOf).toList(), last, false))
        : fromLog(gameId, sinceSeq);
  }

  private Future<Sync> state(String gameId) {
    return view(gameId).map(state -> new Sync(List.of(state.encode()), state.getInteger("seq"), true));
  }

  /** A sync older than the owner's recent events: the log folded from its start, for each event's turn. */
  private Future<Sync> fromLog(String gameId, int sinceSeq) {
    return games.readEvents(gameId, 1, Integer.MAX_VALUE).compose(page -> {
      JsonArray events = page.getJsonArray("events");
      int last = events.size();
      if (last - sinceSeq > syncMaxEvents) {
        return state(gameId);
      }
      List<String> frames = new ArrayList<>();
      GameState at = null;
      for (int i = 0; i < last; i++) {
        Recorded r = GameEventJson.read(events.getJsonObject(i));
        at = Game.evolve(at, r.event());
        if (r.seq() > sinceSeq) {
          frames.add(new JsonObject().put("type", "event").put("seq", r.seq())
              .put("event", events.getJsonObject(i)).put("turn", GameViewJson.turn(at)).encode());
        }
      }
      return Future.succeededFuture(new Sync(frames, last, false));
    });
  }

  /** The {@code state} frame: the game view, as sent first on every socket. */
  public Future<JsonObject> view(String gameId) {
    return games.send(gameId, new JsonObject().put("type", "view"))
        .map(view -> new JsonObject().put("type", "state").mergeIn(view));
  }

  /**
   * Counts a player's (null: a spectator's) open socket (+1) or its close (−1) with the game's
   * owner, under this node's name: the owner forgets them if this node leaves.
   */
  public Future<?> presence(String gameId, String playerId, int delta) {
    return games.send(gameId, new JsonObject().put("type", "presence").put("node", games.nodeId())
        .put("player_id", playerId).put("delta", delta));
  }
}
