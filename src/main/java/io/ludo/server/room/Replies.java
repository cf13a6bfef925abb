package io.ludo.server.room;

import io.ludo.game.GameEvent;
import io.ludo.game.GameState;
import io.ludo.game.Status;
import io.ludo.json.GameViewJson;
import io.ludo.rules.Position;
import io.ludo.rules.RuleEvent.Capture;
import io.ludo.rules.RuleEvent.DiceRolled;
import io.ludo.rules.RuleEvent.TokenMoved;
import io.ludo.rules.RuleEvent.TurnPassed;
import io.ludo.server.errors.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** The command replies of API.md, built from the events a command caused and the state after. */
public final class Replies {
  private Replies() {}

  static JsonObject roll(String playerId, List<GameEvent> events, GameState after) {
    DiceRolled rolled = first(events, DiceRolled.class);
    // A 6 earns another roll unless the turn passed at once: that can only be the six limit.
    boolean passed = events.stream().anyMatch(e -> e instanceof GameEvent.Play p && p.event() instanceof TurnPassed);
    boolean extraTurn = rolled.value() == 6 && after.options().sixBonus() && !passed;
    return base(after, playerId)
        .put("dice_value", rolled.value())
        .put("extra_turn", extraTurn)
        .put("legal_moves", new JsonArray(rolled.legalMoves()))
        .put("seq", after.seq())
        .put("turn", GameViewJson.turn(after));
  }

  static JsonObject move(String playerId, List<GameEvent> events, GameState after) {
    TokenMoved m = first(events, TokenMoved.class);
    JsonArray captured = new JsonArray();
    for (Capture c : m.captures()) {
      captured.add(new JsonObject().put("seat", c.seat()).put("token_index", c.token()));
    }
    Position p = after.position();
    return base(after, playerId)
        .put("token_index", m.token())
        .put("from_square", m.from())
        .put("to_square", m.to())
        .put("captured", !m.captures().isEmpty())
        .put("captured_tokens", captured)
        .put("captured_token_index", m.captures().isEmpty() ? null : m.captures().get(0).token())
        .put("finished", m.reachedHome())
        .put("game_over", after.status() == Status.FINISHED)
        .put("winner", p.winner() == Position.NO_WINNER ? null : p.winner())
        .put("next_player_index", p.current())
        .put("seq", after.seq())
        .put("turn", GameViewJson.turn(after));
  }

  /** Join, start and leave: the state after, for the seat that acted. */
  static JsonObject lobby(String playerId, GameState after, Set<String> connected) {
    JsonObject reply = base(after, playerId)
        .put("seq", after.seq())
        .put("turn", GameViewJson.turn(after))
        .put("state", GameViewJson.write(after, connected));
    after.player(playerId).ifPresent(p -> reply.put("seat", p.seat()));
    return reply;
  }

  /** A refusal: {@code {"error":{"code","message"}}}, mapped to a status or a frame by each edge. */
  public static JsonObject error(ErrorCode code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code.name()).put("message", message));
  }

  /** The error code of a reply, or null for an accepted command's. */
  public static String errorCode(JsonObject reply) {
    JsonObject error = reply.getJsonObject("error");
    return error == null ? null : error.getString("code");
  }

  private static JsonObject base(GameState s, String playerId) {
    return new JsonObject().put("game_id", s.gameId()).put("player_id", playerId);
  }

  private static <T> T first(List<GameEvent> events, Class<T> type) {
    for (GameEvent e : events) {
      if (e instanceof GameEvent.Play p && type.isInstance(p.event())) {
        return type.cast(p.event());
      }
    }
    throw new IllegalStateException("no " + type.getSimpleName() + " among the events");
  }
}
