package io.ludo.server.game;

import io.ludo.game.FairDice;
import io.ludo.game.GameCommand;
import io.vertx.core.json.JsonObject;

/** The JSON of a command on the event bus (already authenticated), as a domain command. */
public final class GameCommands {
  /** The command ids the edges make of a client's Idempotency-Key (a game's other ids are the edges' own). */
  public static final String CLIENT_KEY_PREFIX = "key/";

  private GameCommands() {}

  /** A command from the wire between nodes: as {@link #parse}, with the bot id the edge drew (never a client's). */
  static GameCommand parseWire(JsonObject m) {
    GameCommand parsed = parse(m);
    return parsed instanceof GameCommand.AddBot b && m.getValue("bot_id") instanceof String id
        ? new GameCommand.AddBot(b.playerId(), id, b.name()) : parsed;
  }

  static GameCommand parse(JsonObject m) {
    String player = m.getString("player_id");
    return switch (m.getString("type")) {
      case "join" -> new GameCommand.Join(player, m.getString("player_name"), clientSeed(m.getString("client_seed")));
      case "start" -> new GameCommand.Start(player);
      case "add_bot" -> new GameCommand.AddBot(player, "b_" + java.util.UUID.randomUUID().toString().substring(0, 8), null);
      case "leave" -> new GameCommand.Leave(player);
      case "roll" -> new GameCommand.Roll(player);
      case "move" -> new GameCommand.Move(player, m.getInteger("token_index"),
          m.getValue("dice_value") instanceof Integer expected ? expected : 0);
      default -> throw new IllegalArgumentException("unknown command " + m.getString("type"));
    };
  }

  /** The wire form of a command parsed at the edge: {@link #parse} of it gives the same command. */
  static JsonObject write(GameCommand command) {
    JsonObject json = new JsonObject().put("player_id", command.playerId());
    switch (command) {
      case GameCommand.Join j -> json.put("player_name", j.name()).put("client_seed", j.clientSeed());
      case GameCommand.AddBot b -> json.put("bot_id", b.botId());
      case GameCommand.Move m -> {
        json.put("token_index", m.tokenIndex());
        if (m.expectedDice() != 0) {
          json.put("dice_value", m.expectedDice());
        }
      }
      default -> { }
    }
    return json;
  }

  /** The player's own client seed, checked, or one drawn for them. */
  static String clientSeed(String given) {
    if (given != null && !FairDice.isClientSeed(given)) {
      throw new IllegalArgumentException("client_seed must be 1 to 64 characters of A-Z a-z 0-9 _ -");
    }
    return ServerDice.clientSeed(given);
  }
}
