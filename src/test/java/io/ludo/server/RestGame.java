package io.ludo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ludo.json.PositionJson;
import io.ludo.rules.Command;
import io.ludo.rules.Decision;
import io.ludo.rules.Options;
import io.ludo.rules.Phase;
import io.ludo.rules.Position;
import io.ludo.rules.Rules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A 2-player game played through REST while a local engine follows it: every reply is checked
 * against what the engine says the same roll or move must give.
 */
public final class RestGame {
  public final ApiClient api;
  public final String gameId;
  public final Map<Integer, String> tokenBySeat = new HashMap<>();
  public final Map<Integer, String> playerBySeat = new HashMap<>();
  private final Rules rules = new Rules(Options.DEFAULTS);
  public Position local;
  public int commands;

  private RestGame(ApiClient api, String gameId) {
    this.api = api;
    this.gameId = gameId;
  }

  /** Creates a 2-player game and seats two players; it starts by itself. */
  public static Future<RestGame> open(ApiClient api) {
    return open(api, "Ann", "Bob");
  }

  /** As {@link #open(ApiClient)}, with these players' names. */
  public static Future<RestGame> open(ApiClient api, String first, String second) {
    return api.create(first, 2).compose(created -> {
      assertEquals(201, created.status(), String.valueOf(created.body()));
      RestGame g = new RestGame(api, created.body().getString("game_id"));
      g.seat(created.body());
      return api.join(g.gameId, second).map(joined -> {
        assertEquals(200, joined.status(), String.valueOf(joined.body()));
        g.seat(joined.body());
        g.local = Position.initial(List.of(0, 2));
        return g;
      });
    });
  }

  /** Resumes following a game from its current view (after a restart, say). */
  public static Future<RestGame> resume(ApiClient api, RestGame before) {
    return api.view(before.gameId).map(view -> {
      if (view.status() != 200) {
        // e.g. 503 while the cluster notices a dead owner: the caller decides whether to retry
        throw new IllegalStateException("view answered " + view.status() + ": " + view.body());
      }
      RestGame g = new RestGame(api, before.gameId);
      g.tokenBySeat.putAll(before.tokenBySeat);
      g.playerBySeat.putAll(before.playerBySeat);
      g.local = positionOf(view.body());
      g.commands = before.commands;
      return g;
    });
  }

  private void seat(JsonObject reply) {
    tokenBySeat.put(reply.getInteger("seat"), reply.getString("token"));
    playerBySeat.put(reply.getInteger("seat"), reply.getString("player_id"));
  }

  /** Plays until the game is over or {@code maxCommands} more commands were sent. */
  public Future<Position> play(int maxCommands) {
    if (local.phase() == Phase.FINISHED || maxCommands == 0) {
      return Future.succeededFuture(local);
    }
    return step().compose(v -> play(maxCommands - 1));
  }

  /** Plays on until the seat to act must roll (or the game is over). */
  public Future<RestGame> untilRollPhase() {
    return local.phase() == Phase.MOVE ? step().compose(v -> untilRollPhase()) : Future.succeededFuture(this);
  }

  public Future<Void> step() {
    int seat = local.current();
    String token = tokenBySeat.get(seat);
    commands++;
    if (local.phase() == Phase.ROLL) {
      return api.roll(gameId, token).map(r -> {
        assertEquals(200, r.status(), String.valueOf(r.body()));
        int value = r.body().getInteger("dice_value");
        local = apply(new Command.Roll(value));
        assertEquals(new JsonArray(rules.legalMoves(local)), r.body().getJsonArray("legal_moves"));
        checkTurn(r.body());
        return null;
      });
    }
    int tokenIndex = rules.legalMoves(local).get(commands % rules.legalMoves(local).size());
    int from = local.progress(seat, tokenIndex);
    return api.move(gameId, token, playerBySeat.get(seat), tokenIndex).map(r -> {
      assertEquals(200, r.status(), String.valueOf(r.body()));
      local = apply(new Command.Move(tokenIndex));
      assertEquals(from, r.body().getInteger("from_square"));
      assertEquals(local.progress(seat, tokenIndex), r.body().getInteger("to_square"));
      assertEquals(local.current(), r.body().getInteger("next_player_index"));
      assertEquals(local.phase() == Phase.FINISHED, r.body().getBoolean("game_over"));
      checkTurn(r.body());
      return null;
    });
  }

  private Position apply(Command c) {
    Decision d = rules.decide(local, c);
    return rules.fold(local, ((Decision.Accepted) d).events());
  }

  private void checkTurn(JsonObject reply) {
    JsonObject turn = reply.getJsonObject("turn");
    assertEquals(local.current(), turn.getInteger("current"));
    assertEquals(local.phase().name(), turn.getString("phase"));
    assertEquals(reply.getInteger("seq"), turn.getInteger("seq"));
  }

  public static Position positionOf(JsonObject view) {
    return ((io.ludo.json.Parsed.Ok<Position>) PositionJson.read(view, new Rules(Options.DEFAULTS))).value();
  }
}
