package io.ludo.json;

import io.ludo.game.GameState;
import io.ludo.game.Player;
import io.ludo.game.Status;
import io.ludo.rules.Board;
import io.ludo.rules.Position;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** The game view of API.md: the canonical position extended with the room's fields. */
public final class GameViewJson {
  private GameViewJson() {}

  /** The view; {@code connected} names the players with an open socket somewhere. */
  public static JsonObject write(GameState s, Set<String> connected) {
    JsonObject view = new JsonObject().put("game_id", s.gameId()).put("room_name", s.roomName())
        .put("status", s.status().name()).put("max_players", s.maxPlayers());
    if (s.status() == Status.WAITING) {
      List<Integer> taken = s.players().stream().map(Player::seat).sorted().toList();
      JsonArray tokens = new JsonArray();
      for (int seat = 0; seat < Board.SEATS; seat++) {
        tokens.add(taken.contains(seat) ? new JsonArray(List.of(-1, -1, -1, -1)) : null);
      }
      view.put("seats", new JsonArray(taken)).put("tokens", tokens).put("current", null).put("phase", null)
          .put("dice", null).put("sixes", 0).put("finished", new JsonArray()).put("winner", null);
    } else {
      PositionJson.write(s.position()).forEach(e -> view.put(e.getKey(), e.getValue()));
    }
    JsonArray players = new JsonArray();
    for (Player p : s.players()) {
      players.add(new JsonObject().put("player_id", p.playerId()).put("display_name", p.name())
          .put("seat", p.seat()).put("color", p.color()).put("connected", connected.contains(p.playerId()))
          .put("bot", p.bot()).put("left", p.left()).put("strikes", p.strikes()).put("away", p.away())
          .put("client_seed", p.clientSeed()));
    }
    return view.put("players", players)
        .put("options", OptionsJson.write(s.options()))
        .put("legal_moves", new JsonArray(s.legalMoves()))
        .put("seq", s.seq())
        .put("server_seed_hash", s.serverSeedHash())
        .put("turn", turn(s));
  }

  /** Whose move it is, right now: the {@code turn} of every command reply and event message. */
  public static JsonObject turn(GameState s) {
    Position p = s.position();
    if (p == null) {
      return new JsonObject().put("current", null).put("phase", null).put("dice", null)
          .put("legal_moves", new JsonArray()).put("seq", s.seq());
    }
    return new JsonObject().put("current", p.current()).put("phase", p.phase().name())
        .put("dice", p.dice() == Position.NO_DICE ? null : p.dice())
        .put("legal_moves", new JsonArray(s.legalMoves())).put("seq", s.seq());
  }
}
