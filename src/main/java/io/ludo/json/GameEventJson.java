package io.ludo.json;

import io.ludo.game.GameEvent;
import io.ludo.game.GameEvent.GameCreated;
import io.ludo.game.GameEvent.GameStarted;
import io.ludo.game.GameEvent.Play;
import io.ludo.game.GameEvent.PlayerJoined;
import io.ludo.game.GameEvent.PlayerLeft;
import io.ludo.game.GameEvent.PlayerReturned;
import io.ludo.game.GameEvent.TurnTimedOut;
import io.ludo.game.GameEvent.TurnTimerSet;
import io.ludo.game.Recorded;
import io.ludo.rules.RuleEvent.Capture;
import io.ludo.rules.RuleEvent.DiceRolled;
import io.ludo.rules.RuleEvent.GameFinished;
import io.ludo.rules.RuleEvent.PlayerFinished;
import io.ludo.rules.RuleEvent.TokenMoved;
import io.ludo.rules.RuleEvent.TurnPassed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as the API serves and Postgres stores them: {@code {"seq","type","at",…fields}} with
 * snake_case fields. {@link #read} is the exact inverse of {@link #write}. What the server adds to
 * a recorded event for its record ({@code prev_hash}, {@code hash}, a revealed {@code server_seed};
 * see {@link EventChain}) is not part of the room's fold and is ignored here.
 */
public final class GameEventJson {
  private GameEventJson() {}

  public static JsonObject write(Recorded r) {
    JsonObject o = new JsonObject().put("seq", r.seq()).put("type", type(r.event())).put("at", r.at());
    switch (r.event()) {
      case GameCreated c -> {
        o.put("game_id", c.gameId()).put("room_name", c.roomName())
            .put("max_players", c.maxPlayers()).put("options", OptionsJson.write(c.options()))
            .put("creator_id", c.creatorId());
        if (c.serverSeedHash() != null) {
          o.put("server_seed_hash", c.serverSeedHash());
        }
      }
      case PlayerJoined j -> {
        o.put("player_id", j.playerId()).put("display_name", j.name()).put("seat", j.seat()).put("bot", j.bot());
        if (j.clientSeed() != null) {
          o.put("client_seed", j.clientSeed());
        }
      }
      case PlayerLeft l -> o.put("player_id", l.playerId()).put("seat", l.seat());
      case GameStarted s -> o.put("seats", new JsonArray(s.seats()));
      case TurnTimerSet t -> o.put("turn_timeout_ms", t.timeoutMs()).put("max_strikes", t.maxStrikes());
      case TurnTimedOut t -> o.put("player_id", t.playerId()).put("seat", t.seat());
      case PlayerReturned back -> o.put("player_id", back.playerId()).put("seat", back.seat());
      case Play p -> writePlay(o.put("player_id", p.playerId()), p);
    }
    return o;
  }

  private static void writePlay(JsonObject o, Play p) {
    switch (p.event()) {
      case DiceRolled d -> o.put("seat", d.seat()).put("dice_value", d.value())
          .put("legal_moves", new JsonArray(d.legalMoves()));
      case TokenMoved m -> {
        JsonArray captured = new JsonArray();
        for (Capture c : m.captures()) {
          captured.add(new JsonObject().put("seat", c.seat()).put("token_index", c.token()).put("from", c.from()));
        }
        o.put("seat", m.seat()).put("token_index", m.token()).put("from", m.from()).put("to", m.to())
            .put("captured_tokens", captured);
      }
      case TurnPassed t -> o.put("from_seat", t.from()).put("to_seat", t.to());
      case PlayerFinished f -> o.put("seat", f.seat());
      case GameFinished g -> o.put("ranking", new JsonArray(g.ranking()))
          .put("winner", g.ranking().isEmpty() ? null : g.ranking().get(0));
    }
  }

  public static String type(GameEvent e) {
    return switch (e) {
      case GameCreated c -> "GAME_CREATED";
      case PlayerJoined j -> "PLAYER_JOINED";
      case PlayerLeft l -> "PLAYER_LEFT";
      case GameStarted s -> "GAME_STARTED";
      case TurnTimerSet t -> "TURN_TIMER_SET";
      case TurnTimedOut t -> "TURN_TIMED_OUT";
      case PlayerReturned r -> "PLAYER_RETURNED";
      case Play p -> switch (p.event()) {
        case DiceRolled d -> "DICE_ROLLED";
        case TokenMoved m -> "TOKEN_MOVED";
        case TurnPassed t -> "TURN_PASSED";
        case PlayerFinished f -> "PLAYER_FINISHED";
        case GameFinished g -> "GAME_FINISHED";
      };
    };
  }

  public static Recorded read(JsonObject o) {
    String player = o.getString("player_id");
    GameEvent event = switch (o.getString("type")) {
      case "GAME_CREATED" -> new GameCreated(o.getString("game_id"), o.getString("room_name"),
          o.getInteger("max_players"), options(o.getValue("options")), o.getString("creator_id"),
          o.getString("server_seed_hash"));
      case "PLAYER_JOINED" -> new PlayerJoined(player, o.getString("display_name"), o.getInteger("seat"),
          o.getBoolean("bot", false), o.getString("client_seed"));
      case "PLAYER_LEFT" -> new PlayerLeft(player, o.getInteger("seat"));
      case "GAME_STARTED" -> new GameStarted(ints(o.getJsonArray("seats")));
      case "TURN_TIMER_SET" -> new TurnTimerSet(o.getLong("turn_timeout_ms"), o.getInteger("max_strikes"));
      case "TURN_TIMED_OUT" -> new TurnTimedOut(player, o.getInteger("seat"));
      case "PLAYER_RETURNED" -> new PlayerReturned(player, o.getInteger("seat"));
      case "DICE_ROLLED" -> new Play(new DiceRolled(o.getInteger("seat"), o.getInteger("dice_value"),
          ints(o.getJsonArray("legal_moves"))), player);
      case "TOKEN_MOVED" -> new Play(new TokenMoved(o.getInteger("seat"), o.getInteger("token_index"),
          o.getInteger("from"), o.getInteger("to"), captures(o.getJsonArray("captured_tokens"))), player);
      case "TURN_PASSED" -> new Play(new TurnPassed(o.getInteger("from_seat"), o.getInteger("to_seat")), player);
      case "PLAYER_FINISHED" -> new Play(new PlayerFinished(o.getInteger("seat")), player);
      case "GAME_FINISHED" -> new Play(new GameFinished(ints(o.getJsonArray("ranking"))), player);
      default -> throw new IllegalArgumentException("unknown event type " + o.getString("type"));
    };
    return new Recorded(o.getInteger("seq"), o.getLong("at", 0L), event);
  }

  private static io.ludo.rules.Options options(Object json) {
    return switch (OptionsJson.read(json)) {
      case Parsed.Ok<io.ludo.rules.Options> ok -> ok.value();
      case Parsed.Invalid<io.ludo.rules.Options> bad -> throw new IllegalArgumentException(bad.reason());
    };
  }

  private static List<Integer> ints(JsonArray a) {
    var out = new ArrayList<Integer>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(a.getInteger(i));
    }
    return out;
  }

  private static List<Capture> captures(JsonArray a) {
    var out = new ArrayList<Capture>(a.size());
    for (int i = 0; i < a.size(); i++) {
      JsonObject c = a.getJsonObject(i);
      out.add(new Capture(c.getInteger("seat"), c.getInteger("token_index"), c.getInteger("from")));
    }
    return out;
  }
}
