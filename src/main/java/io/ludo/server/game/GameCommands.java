package io.ludo.server.game;

import io.ludo.game.FairDice;
import io.ludo.game.GameCommand;
import io.vertx.core.json.JsonObject;

/** The JSON of a command on the event bus (already authenticated), as a domain command. */
public final class GameCommands {
  private GameCommands() {}

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

  /** The player's own client seed, checked, or one drawn for them. */
  static String clientSeed(String given) {
    if (given != null && !FairDice.isClientSeed(given)) {
      throw new IllegalArgumentException("client_seed must be 1 to 64 characters of A-Z a-z 0-9 _ -");
    }
    return ServerDice.clientSeed(given);
  }
}
