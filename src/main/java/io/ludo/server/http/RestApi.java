package io.ludo.server.http;

import static io.ludo.server.http.Responses.invalid;
import static io.ludo.server.http.Responses.reply;

import io.ludo.game.Game;
import io.ludo.game.GameState;
import io.ludo.game.Recorded;
import io.ludo.game.Status;
import io.ludo.json.EventChain;
import io.ludo.json.GameEventJson;
import io.ludo.json.GameViewJson;
import io.ludo.json.OptionsJson;
import io.ludo.json.Parsed;
import io.ludo.server.auth.SeatClaims;
import io.ludo.server.auth.SeatTokens;
import io.ludo.server.errors.ApiException;
import io.ludo.server.errors.ErrorCode;
import io.ludo.server.fairness.SigningKeys;
import io.ludo.server.game.GameRouter;
import io.ludo.server.game.GameCommands;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The REST routes of API.md: each validates at the edge, then asks the room's owner. */
final class RestApi {
  private static final SecureRandom IDS = new SecureRandom();
  private static final int MAX_EVENTS_PAGE = 10_000;
  private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_\\-:.]{1,64}");
  /**
   * A join needs no token, so its key is what a resend proves itself with: one short enough to
   * guess would hand the seat it first took to whoever guessed it.
   */
  static final int MIN_JOIN_KEY_LENGTH = 16;

  private final GameRouter games;
  private final SeatTokens tokens;
  private final Schemas schemas;
  private final SigningKeys signing;

  RestApi(GameRouter games, SeatTokens tokens, Schemas schemas, SigningKeys signing) {
    this.games = games;
    this.tokens = tokens;
    this.schemas = schemas;
    this.signing = signing;
  }

  void create(RoutingContext ctx) {
    reply(ctx, 201, schemas.body(ctx, Schemas.CREATE_GAME).compose(body -> {
      if (OptionsJson.read(body.getValue("options")) instanceof Parsed.Invalid<?> bad) {
        return invalid("options: " + bad.reason());
      }
      JsonObject request = new JsonObject()
          .put("player_name", body.getString("player_name"))
          .put("max_players", body.getInteger("max_players", 4))
          .put("room_name", body.getString("room_name"))
          .put("options", body.getJsonObject("options"))
          .put("client_seed", body.getString("client_seed"))
          .put("bots", body.getInteger("bots", 0))
          .put("turn_timeout_ms", body.getInteger("turn_timeout_ms"))
          .put("max_strikes", body.getInteger("max_strikes"))
          .put("visibility", body.getString("visibility", io.ludo.server.room.RoomListing.PRIVATE));
      if (request.getInteger("bots") >= request.getInteger("max_players")) {
        return invalid("bots must leave the creator a seat: at most max_players − 1");
      }
      return games.create(request).map(this::withInvite);
    }));
  }

  void join(RoutingContext ctx) {
    reply(ctx, 200, schemas.query(ctx).compose(q -> join(ctx, ctx.pathParam("gameId"))));
  }

  /** Takes the next free seat of {@code gameId} for the name in the request's query or body. */
  Future<JsonObject> join(RoutingContext ctx, String gameId) {
    return schemas.body(ctx, Schemas.JOIN_GAME).compose(body -> {
      String fromQuery = ctx.queryParams().get("player_name");
      String fromBody = body.getString("player_name");
      if (fromQuery != null && fromBody != null && !fromQuery.equals(fromBody)) {
        return invalid("player_name differs between query and body");
      }
      String name = fromQuery != null ? fromQuery : fromBody;
      if (name == null) {
        return invalid("player_name is required");
      }
      JsonObject command = new JsonObject().put("type", "join").put("player_id", "p_" + newId())
          .put("player_name", name).put("client_seed", body.getString("client_seed"));
      return joinKey(ctx).compose(v -> idempotent(ctx, command)).compose(c -> games.send(gameId, c)).map(this::withToken);
    });
  }

  void start(RoutingContext ctx) {
    seatCommand(ctx, "start");
  }

  /** The creator seats a bot before the start. */
  void addBot(RoutingContext ctx) {
    seatCommand(ctx, "add_bot");
  }

  void leave(RoutingContext ctx) {
    seatCommand(ctx, "leave");
  }

  void roll(RoutingContext ctx) {
    seatCommand(ctx, "roll");
  }

  private void seatCommand(RoutingContext ctx, String type) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 200, schemas.query(ctx).compose(q -> seat(ctx, gameId)).compose(seat -> schemas.body(ctx, Schemas.EMPTY)
        .compose(body -> {
          String named = Optional.ofNullable(ctx.queryParams().get("player_id")).orElse(body.getString("player_id"));
          return sameSeat(seat, named);
        })
        .compose(v -> idempotent(ctx, new JsonObject().put("type", type).put("player_id", seat.playerId())))
        .compose(command -> games.send(gameId, command))));
  }

  void move(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 200, schemas.query(ctx).compose(q -> seat(ctx, gameId)).compose(seat -> schemas.body(ctx, Schemas.MOVE)
        .compose(body -> sameSeat(seat, body.getString("player_id")).map(v -> body))
        .compose(body -> idempotent(ctx, new JsonObject().put("type", "move")
            .put("player_id", seat.playerId())
            .put("token_index", body.getInteger("token_index")).put("dice_value", body.getInteger("dice_value"))))
        .compose(command -> games.send(gameId, command))));
  }

  /**
   * A fresh token for the bearer's seat, while the current one is still valid: a client renews
   * before its token runs out (an open WebSocket then takes it with a {@code token} frame).
   */
  void renewToken(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 200, schemas.query(ctx).compose(q -> seat(ctx, gameId)).compose(seat -> schemas.body(ctx, Schemas.EMPTY)
        .map(body -> new JsonObject()
            .put("game_id", seat.gameId())
            .put("player_id", seat.playerId())
            .put("seat", seat.seat())
            .put("token", tokens.renew(seat))
            .put("expires_at", (System.currentTimeMillis() / 1000 + tokens.ttlSeconds()) * 1000))));
  }

  void view(RoutingContext ctx) {
    reply(ctx, 200, schemas.query(ctx).compose(q -> games.send(ctx.pathParam("gameId"), new JsonObject().put("type", "view"))));
  }

  void events(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 200, schemas.query(ctx).compose(q -> {
      int from = q.getInteger("from_seq", 1);
      return games.readEvents(gameId, from, MAX_EVENTS_PAGE).compose(page -> {
        JsonArray events = page.getJsonArray("events");
        Future<Void> exists = events.isEmpty() ? requireGame(gameId) : Future.succeededFuture();
        return exists.map(v -> new JsonObject().put("game_id", gameId).put("from_seq", from).put("events", events));
      });
    }));
  }

  void replay(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 200, schemas.query(ctx).compose(q -> {
      Integer seq = q.getInteger("seq");
      if (seq == null) {
        return invalid("seq is required");
      }
      return games.readEvents(gameId, 1, seq).compose(page -> {
        JsonArray events = page.getJsonArray("events");
        if (events.isEmpty()) {
          return Future.failedFuture(new ApiException(ErrorCode.GAME_NOT_FOUND, "no such game"));
        }
        if (events.size() < seq) {
          return invalid("the game has only " + events.size() + " events");
        }
        List<io.ludo.game.GameEvent> history = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
          Recorded r = GameEventJson.read(events.getJsonObject(i));
          history.add(r.event());
        }
        GameState then = Game.fold(history);
        return Future.succeededFuture(GameViewJson.write(then, Set.of()));
      });
    }));
  }

  /** The dice's commitment, the client seeds and, once the game is over, the server seed (docs/FAIRNESS.md). */
  void fairness(RoutingContext ctx) {
    reply(ctx, 200, schemas.query(ctx).compose(q -> games.send(ctx.pathParam("gameId"), new JsonObject().put("type", "fairness"))));
  }

  /**
   * The signature of a finished game's last hash; 409 GAME_NOT_FINISHED before its end. Only the
   * game's head is read (its status and last event), however long its log: from the room when it
   * is in memory, else from the database.
   */
  void certificate(RoutingContext ctx) {
    String gameId = ctx.pathParam("gameId");
    reply(ctx, 200, schemas.query(ctx).compose(q -> games.head(gameId)).compose(head -> {
      JsonObject last = head.getJsonObject("last_event");
      if (last == null) {
        return Future.failedFuture(new ApiException(ErrorCode.GAME_NOT_FOUND, "no such game"));
      }
      if (!Status.FINISHED.name().equals(head.getString("status"))) {
        return Future.failedFuture(new ApiException(ErrorCode.GAME_NOT_FINISHED, "the game is not over yet"));
      }
      String lastHash = last.getString(EventChain.HASH);
      if (lastHash == null) {
        return Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "the game was recorded before signed records"));
      }
      return Future.succeededFuture(signing.certificate(gameId, last.getInteger("seq"), lastHash));
    }));
  }

  /** The public keys of certificates, the active one first (RFC 7517, OKP keys of RFC 8037). */
  void jwks(RoutingContext ctx) {
    Responses.json(ctx, 200, signing.jwks());
  }

  // ---------------------------------------------------------------- edges

  /**
   * A client's {@code Idempotency-Key} names the command within its game: a command resent with
   * the same key is answered with the first reply, never applied twice; the same key with another
   * request (another route, seat, name or argument) is refused by the owner, IDEMPOTENCY_KEY_REUSED.
   */
  private static Future<JsonObject> idempotent(RoutingContext ctx, JsonObject command) {
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key == null) {
      return Future.succeededFuture(command);
    }
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      return invalid("Idempotency-Key must be 1 to 64 characters of A-Z a-z 0-9 _ - : .");
    }
    return Future.succeededFuture(command.put("command_id", GameCommands.CLIENT_KEY_PREFIX + key));
  }

  private static Future<Void> joinKey(RoutingContext ctx) {
    String key = ctx.request().getHeader("Idempotency-Key");
    return key == null || key.length() >= MIN_JOIN_KEY_LENGTH
        ? Future.succeededFuture()
        : invalid("a join's Idempotency-Key must be at least " + MIN_JOIN_KEY_LENGTH
            + " characters (a UUID, say): it is the only proof a resent join carries");
  }

  private Future<Void> requireGame(String gameId) {
    return games.readEvents(gameId, 1, 1).compose(page -> page.getJsonArray("events").isEmpty()
        ? Future.failedFuture(new ApiException(ErrorCode.GAME_NOT_FOUND, "no such game"))
        : Future.succeededFuture());
  }

  Future<SeatClaims> seat(RoutingContext ctx, String gameId) {
    String token = Responses.bearer(ctx);
    return tokens.verifyFor(token, gameId);
  }

  private static Future<Void> sameSeat(SeatClaims seat, String named) {
    return named == null || named.equals(seat.playerId())
        ? Future.succeededFuture()
        : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "the token is for another seat"));
  }


  /** A new game's reply: the seat with its token, and the game's invite code. */
  JsonObject withInvite(JsonObject seated) {
    return withToken(seated).put("invite_code", seated.getJsonObject("state").getString("invite_code"));
  }

  JsonObject withToken(JsonObject seated) {
    return new JsonObject()
        .put("game_id", seated.getString("game_id"))
        .put("player_id", seated.getString("player_id"))
        .put("token", tokens.issue(seated.getString("game_id"), seated.getString("player_id"), seated.getInteger("seat")))
        .put("seat", seated.getInteger("seat"))
        .put("state", seated.getJsonObject("state"));
  }

  private static String newId() {
    byte[] b = new byte[6];
    IDS.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
